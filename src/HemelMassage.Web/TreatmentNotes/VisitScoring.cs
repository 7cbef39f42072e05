using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>The scores form: a felt area's code to the posted "0".."10" or "" (not scored), before and after.</summary>
public sealed class ScoresForm
{
    public Dictionary<string, string>? Before { get; set; }
    public Dictionary<string, string>? After { get; set; }

    public static string Field(string when, string code) => $"{when}-{code}";
}

/// <summary>A visit's areas and scores: where the client felt it (only kept with their health consent), what was worked, and the scores so far.</summary>
public sealed record ScoresView(NoteAccess Access, IReadOnlyList<string> Felt, IReadOnlyList<string> Worked, ScoreSheet Scores, string? RecordedBy, DateTime? RecordedAtUtc);

/// <summary>
/// Before and after scores of one visit, per felt area: the treating therapist (or the Owner) records them, or hands the
/// clinic's tablet to the client. Encrypted, read with an audit row, never logged or emailed.
/// </summary>
public sealed class VisitScoring(ClinicDbContext db, NoteAccessRule access, StaffViewer viewer, ClinicalRecordProtector protector, AuditLog audit, TimeProvider clock)
{
    public const string OutOfRange = "Please choose a score from 0 (no pain) to 10 (the worst), or leave it empty.";

    public async Task<ScoresView> ViewAsync(Booking booking, CancellationToken cancellationToken)
    {
        var may = await access.ForAsync(booking, cancellationToken);
        if (may is NoteAccess.None or NoteAccess.ExistsOnly)
        {
            return new ScoresView(may, [], [], ScoreSheet.Empty, null, null);
        }
        var areas = await db.Intakes.Where(i => i.BookingId == booking.Id).Select(i => new { i.Regions, i.WorkedRegions }).FirstOrDefaultAsync(cancellationToken);
        var row = await db.VisitScores.AsNoTracking().FirstOrDefaultAsync(s => s.BookingId == booking.Id, cancellationToken);
        if (row is not null)
        {
            await audit.SaveAsync("booking.scores-read", booking.Reference, "Read the visit's pain scores");
        }
        return new ScoresView(may, BodyRegions.Split(areas?.Regions), BodyRegions.Split(areas?.WorkedRegions), protector.UnprotectScores(row?.ProtectedScores) ?? ScoreSheet.Empty, row?.RecordedBy, row?.RecordedAtUtc);
    }

    /// <summary>Checks every posted score (each error keyed by <see cref="ScoresForm.Field"/>) and saves only when all are good.</summary>
    public async Task<(NoteResult Result, IReadOnlyDictionary<string, string> Errors)> SaveAsync(Booking booking, ScoresForm form, CancellationToken cancellationToken)
    {
        var none = new Dictionary<string, string>();
        if (await access.ForAsync(booking, cancellationToken) != NoteAccess.Write)
        {
            return (new NoteResult(NoteOutcome.Forbidden, "Only the client's therapist for this visit (or the Owner) records its scores."), none);
        }
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.LateCancellation or BookingStatus.NoShow)
        {
            return (new NoteResult(NoteOutcome.Refused, "This visit did not take place, so it has no scores. Nothing was saved."), none);
        }
        var felt = await FeltAsync(booking, cancellationToken);
        var errors = new Dictionary<string, string>();
        var before = Parse("Before", form.Before, felt, errors);
        var after = Parse("After", form.After, felt, errors);
        if (errors.Count > 0)
        {
            return (new NoteResult(NoteOutcome.Refused, "Nothing was saved."), errors);
        }
        var row = await db.VisitScores.FirstOrDefaultAsync(s => s.BookingId == booking.Id, cancellationToken)
            ?? db.VisitScores.Add(new VisitScores { BookingId = booking.Id }).Entity;
        row.ProtectedScores = protector.ProtectScores(new ScoreSheet(before, after));
        row.ScoredRegions = ClinicalRecords.ScoredAreas(before, after);
        row.RecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.RecordedBy = VisitNotes.Short(viewer.Name);
        audit.Add("booking.scores-recorded", booking.Reference, $"Recorded pain scores for {before.Keys.Union(after.Keys).Count()} areas");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return (new NoteResult(NoteOutcome.Stale, "Someone saved these scores at the same moment, so yours were not saved. Here they are as they are now."), none);
        }
        return (new NoteResult(NoteOutcome.Done, "Scores saved."), none);
    }

    private async Task<IReadOnlyList<string>> FeltAsync(Booking booking, CancellationToken cancellationToken) =>
        BodyRegions.Split(await db.Intakes.Where(i => i.BookingId == booking.Id).Select(i => i.Regions).FirstOrDefaultAsync(cancellationToken));

    private static Dictionary<string, int> Parse(string when, Dictionary<string, string>? posted, IReadOnlyList<string> felt, Dictionary<string, string> errors)
    {
        var scores = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (code, value) in posted ?? [])
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                continue;
            }
            if (!felt.Contains(code))
            {
                errors[ScoresForm.Field(when, (felt.Count > 0 ? felt[0] : code))] = "Scores are kept only for the areas the client marked; please score those.";
                continue;
            }
            if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var score) && ScoreSheet.IsScore(score))
            {
                scores[code] = score;
            }
            else
            {
                errors[ScoresForm.Field(when, code)] = OutOfRange;
            }
        }
        return scores;
    }
}
