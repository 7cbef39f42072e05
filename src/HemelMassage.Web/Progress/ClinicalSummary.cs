using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Progress;

/// <summary>A visit's signed note as it reads now (after its latest amendment), for the summary.</summary>
public sealed record SummaryNote(SoapText Text, string SignedBy, DateTime SignedAtUtc, int Amendments);

/// <summary>
/// Consents to share, and the signed notes the summary for a GP or physiotherapist prints. Notes are decrypted here,
/// only for the summary, and only after a consent is on record.
/// </summary>
public sealed class ClinicalSummary(ClinicDbContext db, ClinicalRecordProtector protector, AuditLog audit, TimeProvider clock)
{
    /// <summary>The latest consent recorded for the client, or null.</summary>
    public Task<SummaryConsent?> ConsentAsync(int clientId, CancellationToken cancellationToken) =>
        db.SummaryConsents.AsNoTracking().Where(c => c.ClientId == clientId)
            .OrderByDescending(c => c.GivenAtUtc).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);

    public async Task RecordConsentAsync(int clientId, ConsentForm form, string userId, string by, CancellationToken cancellationToken)
    {
        var consent = new SummaryConsent
        {
            ClientId = clientId, GivenBy = form.GivenBy!.Trim(), SharedWith = form.SharedWith!.Trim(),
            GivenAtUtc = clock.GetUtcNow().UtcDateTime, RecordedByUserId = userId, RecordedBy = by.Length > 256 ? by[..256] : by,
        };
        db.SummaryConsents.Add(consent);
        // Who and to whom, not what: the audit log holds no health information.
        audit.Add("client.summary-consent", $"client {clientId}", $"Consent to share the treatment summary recorded, given by {consent.GivenBy} for {consent.SharedWith}");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The signed notes of the given visits, decrypted; drafts are not part of a summary. Audited once.</summary>
    public async Task<IReadOnlyDictionary<int, SummaryNote>> NotesAsync(int clientId, IReadOnlyCollection<int> bookingIds, string sharedWith, CancellationToken cancellationToken)
    {
        var notes = await db.TreatmentNotes.AsNoTracking().Where(n => bookingIds.Contains(n.BookingId) && n.SignedAtUtc != null).ToListAsync(cancellationToken);
        var amendments = await db.TreatmentNoteAmendments.AsNoTracking().Where(m => bookingIds.Contains(m.BookingId))
            .OrderBy(m => m.AtUtc).ThenBy(m => m.Id).ToListAsync(cancellationToken);
        var result = new Dictionary<int, SummaryNote>();
        foreach (var note in notes)
        {
            var changes = amendments.Where(m => m.BookingId == note.BookingId).ToList();
            var text = (changes.Count > 0 ? protector.UnprotectAmendment(changes[^1].ProtectedText)?.Text : null) ?? protector.UnprotectNote(note.ProtectedText);
            if (text is not null)
            {
                result[note.BookingId] = new SummaryNote(text, note.SignedBy ?? note.WrittenBy, note.SignedAtUtc!.Value, changes.Count);
            }
        }
        await audit.SaveAsync("client.summary-read", $"client {clientId}", $"Read the treatment summary for {sharedWith}: {bookingIds.Count} visits, {result.Count} notes");
        return result;
    }
}
