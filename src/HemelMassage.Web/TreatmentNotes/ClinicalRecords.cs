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
/// Reads the treatment record across a client's visits. The caller decides who may call it (the Owner, or a
/// therapist who treated the client); every call that decrypts anything adds one audit row.
/// </summary>
public sealed class ClinicalRecords(ClinicDbContext db, ClinicalRecordProtector protector, HealthAnswerProtector answers, AuditLog audit)
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    /// <summary>
    /// Every visit of the client that was not cancelled (booked or attended; no-shows and cancellations, early or
    /// late, left out) oldest first, in one query; scores are decrypted here, after the query, and only here.
    /// Restricted visits are left out unless <paramref name="includeRestricted"/> (the Owner).
    /// </summary>
    public Task<IReadOnlyList<VisitRecord>> VisitsAsync(int clientId, bool includeRestricted, CancellationToken cancellationToken) =>
        VisitsAsync(clientId, includeRestricted, actor: null, cancellationToken);

    /// <param name="actor">Who the audit row names when it is not the signed-in staff member: the client reading their own progress.</param>
    public async Task<IReadOnlyList<VisitRecord>> VisitsAsync(int clientId, bool includeRestricted, string? actor, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Bookings
                          where a.ClientId == clientId && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                          join i in db.Intakes on a.Id equals i.BookingId into intakes
                          from i in intakes.DefaultIfEmpty()
                          join s in db.VisitScores on a.Id equals s.BookingId into scores
                          from s in scores.DefaultIfEmpty()
                          join n in db.TreatmentNotes on a.Id equals n.BookingId into notes
                          from n in notes.DefaultIfEmpty()
                          orderby a.StartUtc, a.Id
                          select new
                          {
                              a.Id, a.Reference, a.StartUtc, a.TherapistId, TherapistName = a.Therapist!.Name,
                              Regions = i == null ? null : i.Regions, Worked = i == null ? null : i.WorkedRegions,
                              // Answers carried forward ("nothing has changed") hold last visit's scores, not this one's.
                              Answers = i == null || i.Health == HealthStatus.Unchanged ? null : i.ProtectedAnswers, Scores = s == null ? null : s.ProtectedScores,
                              HasNote = n != null, NoteSigned = n != null && n.SignedAtUtc != null,
                              Restricted = (n != null && n.RestrictedAtUtc != null) || (s != null && s.RestrictedAtUtc != null),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        var visits = rows.Where(r => includeRestricted || !r.Restricted).Select(r =>
        {
            var sheet = protector.UnprotectScores(r.Scores) ?? ScoreSheet.Empty;
            return new VisitRecord(r.Id, r.Reference, r.StartUtc, r.TherapistId, r.TherapistName,
                BodyRegions.Split(r.Regions), BodyRegions.Split(r.Worked),
                answers.Unprotect(r.Answers)?.AreaScores ?? None, sheet.Before, sheet.After, r.HasNote, r.NoteSigned, r.Restricted);
        }).ToList();
        if (rows.Any(r => r.Scores is not null || r.Answers is not null))
        {
            await audit.SaveAsync("client.record-read", $"client {clientId}", $"Read the pain scores of {visits.Count} visits", actor);
        }
        return visits;
    }

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
