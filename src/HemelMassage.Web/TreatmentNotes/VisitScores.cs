namespace HemelMassage.Web.TreatmentNotes;

/// <summary>
/// Pain scores (0 to 10) of one visit, per felt area, before and after the treatment: recorded by the treating
/// therapist or given by the client on the clinic's tablet. One row per booking (the key is the booking's id); the
/// scores are one <see cref="ScoreSheet"/> sealed by <see cref="ClinicalRecordProtector.ProtectScores"/>. The scores a
/// client gave at booking are not here: they are <see cref="Intake.HealthAnswers.AreaScores"/>, kept with the intake.
/// </summary>
public sealed class VisitScores
{
    public int BookingId { get; set; }
    /// <summary><see cref="ScoreSheet"/> as JSON, encrypted under <see cref="ClinicalRecordProtector.ScoresPurpose"/>.</summary>
    public string ProtectedScores { get; set; } = "";
    /// <summary>
    /// Space-separated codes of the areas scored before or after (never the scores), so a reader that needs only some
    /// visits' scores knows which to open. Null on rows kept before it was written, and once the client withdraws
    /// consent or the record is restricted: the scores are then opened to tell.
    /// </summary>
    public string? ScoredRegions { get; set; }
    public DateTime RecordedAtUtc { get; set; }
    public string RecordedBy { get; set; } = "";
    /// <summary>Restricted with the visit's note on an erasure request inside the retention period: only the Owner sees it.</summary>
    public DateTime? RestrictedAtUtc { get; set; }
    public bool IsRestricted => RestrictedAtUtc is not null;
}

/// <summary>
/// A visit's scores, plain only in memory: <see cref="Intake.BodyRegions"/> code to 0..10, for each felt area that was
/// scored (an area may have a before score and no after score, or none at all).
/// </summary>
public sealed record ScoreSheet(IReadOnlyDictionary<string, int> Before, IReadOnlyDictionary<string, int> After)
{
    public const int Lowest = 0;
    public const int Highest = 10;

    public static ScoreSheet Empty { get; } = new(new Dictionary<string, int>(), new Dictionary<string, int>());

    public static bool IsScore(int value) => value is >= Lowest and <= Highest;
}
