namespace HemelMassage.Web.Intake;

/// <summary>What the health questions came to for one booking.</summary>
public enum HealthStatus
{
    /// <summary>No consent (or no answers): the therapist asks in person.</summary>
    AskInPerson = 0,
    Answered = 1,
    /// <summary>A returning client said nothing has changed: the answers are last visit's, carried forward.</summary>
    Unchanged = 2,
}

/// <summary>
/// One booking's intake: where the client feels it (region codes), the health answers (encrypted, only
/// with consent), and after the visit the areas the therapist actually worked. One row per booking.
/// </summary>
public sealed class BookingIntake
{
    public int BookingId { get; set; }
    /// <summary>Space-separated <see cref="BodyRegions"/> codes, where the client feels it.</summary>
    public string Regions { get; set; } = "";
    public HealthStatus Health { get; set; }
    public string? HealthConsentVersion { get; set; }
    public DateTime? HealthConsentAtUtc { get; set; }
    /// <summary><see cref="HealthAnswers"/> as JSON, encrypted by <see cref="HealthAnswerProtector"/>.</summary>
    public string? ProtectedAnswers { get; set; }
    /// <summary>
    /// Space-separated codes of the areas the answers give a pain score for (never the scores: those stay sealed), so
    /// the review prompt opens only the answers that hold the score it needs. Null on intakes kept before it was
    /// written: their answers are opened to tell. Cleared with the answers when consent is withdrawn.
    /// </summary>
    public string? ScoredRegions { get; set; }
    /// <summary>A "yes" somewhere: says only that the therapist should talk first, not why.</summary>
    public bool NeedsConversation { get; set; }
    /// <summary>Space-separated codes the therapist ticked after the visit.</summary>
    public string WorkedRegions { get; set; } = "";
    public DateTime? WorkedRecordedAtUtc { get; set; }
    public string? WorkedRecordedBy { get; set; }
}
