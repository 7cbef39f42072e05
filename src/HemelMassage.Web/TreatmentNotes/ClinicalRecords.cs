using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>
/// One visit of a client's treatment record, decrypted: where it was felt, what was worked, the scores the client gave
/// at booking (<see cref="BookingScores"/>) and at the visit (<see cref="Before"/>, <see cref="After"/>), each a
/// <see cref="BodyRegions"/> code to 0..10 (an area without a score is absent). <see cref="Restricted"/> visits are
/// only ever returned to the Owner.
/// </summary>
public sealed record VisitRecord(
    int BookingId, string Reference, DateTime StartUtc, int TherapistId, string TherapistName,
    IReadOnlyList<string> Felt, IReadOnlyList<string> Worked,
    IReadOnlyDictionary<string, int> BookingScores, IReadOnlyDictionary<string, int> Before, IReadOnlyDictionary<string, int> After,
    bool HasNote, bool NoteSigned, bool Restricted);

/// <summary>
/// One visit as stored, nothing opened yet: the plain parts, and the two sealed payloads that hold its scores (the
/// booking's health answers, the visit's scores) with the areas each scores, where known (null for rows kept before
/// that was written beside them: the payload itself must then be opened to tell).
/// </summary>
public sealed record StoredVisit(
    int BookingId, int ClientId, string Reference, DateTime StartUtc, int TherapistId, string TherapistName,
    IReadOnlyList<string> Felt, IReadOnlyList<string> Worked,
    string? SealedAnswers, IReadOnlyList<string>? ScoredAtBooking, string? SealedScores, IReadOnlyList<string>? ScoredAtVisit,
    bool HasNote, bool NoteSigned, bool Restricted);

/// <summary>
/// Reads the treatment record across a client's visits. The caller decides who may call it (the Owner, or a
/// therapist who treated the client); every read that decrypts anything is audited.
/// </summary>
public sealed class ClinicalRecords(ClinicDbContext db, ClinicalRecordProtector protector, HealthAnswerProtector answers, AuditLog audit)
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    /// <summary>
    /// Every visit of the clients that was not cancelled (booked or attended; no-shows and cancellations, early or
    /// late, left out), oldest first, in one query, with nothing decrypted: the progress page opens them all
    /// (<see cref="ReadAsync"/>), the review prompt only those it needs. Restricted visits are left out unless
    /// <paramref name="includeRestricted"/> (the Owner).
    /// </summary>
    public async Task<IReadOnlyList<StoredVisit>> VisitsAsync(IReadOnlyCollection<int> clientIds, bool includeRestricted, CancellationToken cancellationToken)
    {
        var ids = clientIds.Distinct().ToList();
        var rows = await (from a in db.Bookings
                          where ids.Contains(a.ClientId) && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                          join i in db.Intakes on a.Id equals i.BookingId into intakes
                          from i in intakes.DefaultIfEmpty()
                          join s in db.VisitScores on a.Id equals s.BookingId into scores
                          from s in scores.DefaultIfEmpty()
                          join n in db.TreatmentNotes on a.Id equals n.BookingId into notes
                          from n in notes.DefaultIfEmpty()
                          orderby a.StartUtc, a.Id
                          select new
                          {
                              a.Id, a.ClientId, a.Reference, a.StartUtc, a.TherapistId, TherapistName = a.Therapist!.Name,
                              Regions = i == null ? null : i.Regions, Worked = i == null ? null : i.WorkedRegions,
                              // Answers carried forward ("nothing has changed") hold last visit's scores, not this one's.
                              Answers = i == null || i.Health == HealthStatus.Unchanged ? null : i.ProtectedAnswers,
                              AnswersScore = i == null ? null : i.ScoredRegions,
                              Scores = s == null ? null : s.ProtectedScores, ScoresScore = s == null ? null : s.ScoredRegions,
                              HasNote = n != null, NoteSigned = n != null && n.SignedAtUtc != null,
                              Restricted = (n != null && n.RestrictedAtUtc != null) || (s != null && s.RestrictedAtUtc != null),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Where(r => includeRestricted || !r.Restricted).Select(r => new StoredVisit(
            r.Id, r.ClientId, r.Reference, r.StartUtc, r.TherapistId, r.TherapistName, BodyRegions.Split(r.Regions), BodyRegions.Split(r.Worked),
            r.Answers, r.Answers is null ? [] : Marked(r.AnswersScore), r.Scores, r.Scores is null ? [] : Marked(r.ScoresScore),
            r.HasNote, r.NoteSigned, r.Restricted))];
    }

    /// <summary>Every visit of one client with all its scores decrypted (the progress page, the summary), the read audited.</summary>
    public Task<IReadOnlyList<VisitRecord>> ReadAsync(int clientId, bool includeRestricted, CancellationToken cancellationToken) =>
        ReadAsync(clientId, includeRestricted, actor: null, cancellationToken);

    /// <param name="actor">Who the audit row names when it is not the signed-in staff member: the client reading their own progress.</param>
    public async Task<IReadOnlyList<VisitRecord>> ReadAsync(int clientId, bool includeRestricted, string? actor, CancellationToken cancellationToken)
    {
        var stored = await VisitsAsync([clientId], includeRestricted, cancellationToken);
        var visits = stored.Select(Open).ToList();
        if (stored.Any(v => v.SealedAnswers is not null || v.SealedScores is not null))
        {
            await audit.SaveAsync("client.record-read", $"client {clientId}", $"Read the pain scores of {visits.Count} visits", actor);
        }
        return visits;
    }

    public VisitRecord Open(StoredVisit v)
    {
        var sheet = VisitScoresOf(v);
        return new VisitRecord(v.BookingId, v.Reference, v.StartUtc, v.TherapistId, v.TherapistName, v.Felt, v.Worked,
            BookingScoresOf(v), sheet.Before, sheet.After, v.HasNote, v.NoteSigned, v.Restricted);
    }

    /// <summary>The scores given at booking; the answers are opened only when they hold any (or may: rows kept before the mark).</summary>
    public IReadOnlyDictionary<string, int> BookingScoresOf(StoredVisit v) =>
        v.ScoredAtBooking is { Count: 0 } ? None : answers.Unprotect(v.SealedAnswers)?.AreaScores ?? None;

    public ScoreSheet VisitScoresOf(StoredVisit v) =>
        v.ScoredAtVisit is { Count: 0 } ? ScoreSheet.Empty : protector.UnprotectScores(v.SealedScores) ?? ScoreSheet.Empty;

    /// <summary>What is written beside a sealed payload of scores: the areas it scores (their codes, never a score).</summary>
    public static string ScoredAreas(params IEnumerable<IReadOnlyDictionary<string, int>?> scores) =>
        BodyRegions.Join(scores.SelectMany(s => s ?? None).Where(s => ScoreSheet.IsScore(s.Value)).Select(s => s.Key));

    private static IReadOnlyList<string>? Marked(string? stored) => stored is null ? null : BodyRegions.Split(stored);

    /// <summary>
    /// The signed notes of the client's visits, as each reads now (the last amendment's text, or the note's own, decrypted by
    /// <see cref="ClinicalRecordProtector"/> as on the staff note page). Drafts and restricted notes are never read; one audit row
    /// names <paramref name="actor"/> when any note is.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, SoapText>> SignedNotesAsync(int clientId, string actor, CancellationToken cancellationToken)
    {
        var notes = await (from n in db.TreatmentNotes
                           join a in db.Bookings on n.BookingId equals a.Id
                           where a.ClientId == clientId && n.SignedAtUtc != null && n.RestrictedAtUtc == null
                               && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                           select new { n.BookingId, n.ProtectedText }).AsNoTracking().ToListAsync(cancellationToken);
        if (notes.Count == 0)
        {
            return new Dictionary<int, SoapText>();
        }
        var ids = notes.Select(n => n.BookingId).ToList();
        var amendments = await db.TreatmentNoteAmendments.AsNoTracking().Where(m => ids.Contains(m.BookingId))
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id).Select(m => new { m.BookingId, m.ProtectedText }).ToListAsync(cancellationToken);
        var texts = notes.ToDictionary(n => n.BookingId, n =>
            (amendments.LastOrDefault(m => m.BookingId == n.BookingId) is { } last ? protector.UnprotectAmendment(last.ProtectedText)?.Text : null)
            ?? protector.UnprotectNote(n.ProtectedText) ?? SoapText.Empty);
        await audit.SaveAsync("client.treatment-note-read", $"client {clientId}", $"Read the signed treatment notes of {texts.Count} visits", actor);
        return texts;
    }
}
