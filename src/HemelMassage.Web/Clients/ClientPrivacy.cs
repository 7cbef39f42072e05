using System.Text.Json;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

/// <summary>
/// UK GDPR for one client: everything we hold as JSON (right of access), and erasure that keeps the booking
/// rows, anonymised, so the diary's history stays true. Erasure ends with VACUUM and a WAL checkpoint so the
/// old values are not left behind in free pages or the write-ahead log, and deletes the copies of the
/// client's emails kept as files in the mail folder. Email that went out over SMTP cannot be called back. The treatment
/// record (notes, amendments, visit scores) is not erased: insurers require it for the clinical retention period, so it is
/// restricted instead (hidden from all but the Owner, the reason in the audit log) and deleted by the retention job.
/// </summary>
public sealed class ClientPrivacy(
    ClinicDbContext db, AuditLog audit, TimeProvider clock, Intake.HealthAnswerProtector protector, TreatmentNotes.ClinicalRecordProtector records,
    MailFolder mailFolder, IHttpContextAccessor http)
{
    public const string ErasedName = "Erased client";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public Task<string?> ExportAsync(int id, CancellationToken cancellationToken) => ExportAsync(id, actor: null, cancellationToken);

    /// <param name="actor">Who the audit row names when it is not the signed-in staff member: the client downloading their own data.</param>
    public async Task<string?> ExportAsync(int id, string? actor, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var bookings = await db.Bookings.AsNoTracking().Where(a => a.ClientId == id).OrderBy(a => a.StartUtc)
            .Select(a => new
            {
                a.Reference, a.StartUtc, a.EndUtc, Status = a.Status.ToString(), Treatment = a.Treatment!.Name, Therapist = a.Therapist!.Name,
                a.FirstVisit, a.ClientNote, a.CreatedAtUtc, History = a.Changes.OrderBy(c => c.AtUtc).Select(c => new { c.AtUtc, c.What }).ToList(),
            }).ToListAsync(cancellationToken);
        var intakeRows = await (from i in db.Intakes
                                join a in db.Bookings on i.BookingId equals a.Id
                                where a.ClientId == id
                                orderby a.StartUtc
                                select new { a.Reference, i.Regions, i.WorkedRegions, i.HealthConsentVersion, i.HealthConsentAtUtc, i.ProtectedAnswers })
            .AsNoTracking().ToListAsync(cancellationToken);
        var intakes = intakeRows.Select(i => new
        {
            i.Reference, FeltIn = Intake.BodyRegions.Labels(Intake.BodyRegions.Split(i.Regions)),
            Worked = Intake.BodyRegions.Labels(Intake.BodyRegions.Split(i.WorkedRegions)),
            i.HealthConsentVersion, i.HealthConsentAtUtc, HealthAnswers = protector.Unprotect(i.ProtectedAnswers),
        }).ToList();
        var notes = await (from n in db.TreatmentNotes
                           join a in db.Bookings on n.BookingId equals a.Id
                           where a.ClientId == id
                           orderby a.StartUtc
                           select new { a.Reference, n.BookingId, n.ProtectedText, n.WrittenBy, n.CreatedAtUtc, n.SignedAtUtc, n.SignedBy, n.RestrictedAtUtc, n.RestrictedReason })
            .AsNoTracking().ToListAsync(cancellationToken);
        var noteIds = notes.Select(n => n.BookingId).ToList();
        var amendments = await db.TreatmentNoteAmendments.AsNoTracking().Where(m => noteIds.Contains(m.BookingId)).OrderBy(m => m.AtUtc)
            .Select(m => new { m.BookingId, m.AtUtc, m.By, m.ProtectedText }).ToListAsync(cancellationToken);
        var scores = await (from v in db.VisitScores
                            join a in db.Bookings on v.BookingId equals a.Id
                            where a.ClientId == id
                            orderby a.StartUtc
                            select new { a.Reference, v.ProtectedScores, v.RecordedAtUtc, v.RecordedBy }).AsNoTracking().ToListAsync(cancellationToken);
        var treatmentNotes = notes.Select(n => new
        {
            n.Reference, Note = records.UnprotectNote(n.ProtectedText), n.WrittenBy, n.CreatedAtUtc, n.SignedAtUtc, n.SignedBy, n.RestrictedAtUtc, n.RestrictedReason,
            Amendments = amendments.Where(m => m.BookingId == n.BookingId)
                .Select(m => new { m.AtUtc, m.By, Amendment = records.UnprotectAmendment(m.ProtectedText) }).ToList(),
        }).ToList();
        var visitScores = scores.Select(v => new { v.Reference, Scores = records.UnprotectScores(v.ProtectedScores), v.RecordedAtUtc, v.RecordedBy }).ToList();
        // The plans set after each visit ("2 more visits, every 2 weeks") and the consents to share a summary with a GP.
        var plans = await (from p in db.Plans
                           join a in db.Bookings on p.BookingId equals a.Id
                           where a.ClientId == id
                           orderby a.StartUtc
                           select new { a.Reference, p.Visits, p.EveryWeeks, p.SetAtUtc, p.SetBy }).AsNoTracking().ToListAsync(cancellationToken);
        var treatmentPlans = plans.Select(p => new { p.Reference, Plan = Plans.PlanRules.Describe(p.Visits, p.EveryWeeks), p.Visits, p.EveryWeeks, p.SetAtUtc, p.SetBy }).ToList();
        var summaryConsents = await db.SummaryConsents.AsNoTracking().Where(c => c.ClientId == id).OrderBy(c => c.GivenAtUtc)
            .Select(c => new { c.GivenBy, c.SharedWith, c.GivenAtUtc, c.RecordedBy }).ToListAsync(cancellationToken);
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == client.Email)
            .Select(m => new { m.Subject, Kind = m.Kind.ToString(), Status = m.Status.ToString() }).ToListAsync(cancellationToken);
        await audit.SaveAsync("client.export", $"client {id}", "Exported everything held about the client (JSON)", actor);
        return JsonSerializer.Serialize(new
        {
            ExportedAtUtc = clock.GetUtcNow().UtcDateTime,
            Client = new { client.Name, client.Email, client.Phone, client.FirstVisit, client.CreatedAtUtc },
            Bookings = bookings,
            Intakes = intakes,
            TreatmentNotes = treatmentNotes,
            VisitScores = visitScores,
            TreatmentPlans = treatmentPlans,
            SummaryConsents = summaryConsents,
            Emails = emails,
        }, Indented);
    }

    /// <param name="reason">Why the client asked (optional): kept in the audit log beside the restriction of their treatment record.</param>
    public async Task<bool> EraseAsync(int id, string? reason, CancellationToken cancellationToken)
    {
        List<int> emailIds;
        await using (var transaction = await db.BeginWriteTransactionAsync(cancellationToken))
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (client is null)
            {
                return false;
            }
            var email = client.Email;
            var bookingIds = await db.Bookings.Where(a => a.ClientId == id).Select(a => a.Id).ToListAsync(cancellationToken);
            await db.Bookings.Where(a => a.ClientId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientNote, (string?)null), cancellationToken);
            // Health answers, where it hurt and what was worked are health data too: none of it outlives erasure.
            await db.Intakes.Where(i => bookingIds.Contains(i.BookingId)).ExecuteDeleteAsync(cancellationToken);
            // A plan names no one, but left behind it would list "Erased client" as due a visit.
            await db.Plans.Where(p => bookingIds.Contains(p.BookingId)).ExecuteDeleteAsync(cancellationToken);
            // The treatment record stays for the clinical retention period (the retention job deletes it after), restricted.
            var now = clock.GetUtcNow().UtcDateTime;
            var by = http.HttpContext?.User.Identity?.Name ?? AuditLog.CommandLine;
            var why = string.IsNullOrWhiteSpace(reason) ? "The client asked for erasure" : reason.Trim()[..Math.Min(reason.Trim().Length, 500)];
            var restricted = await db.TreatmentNotes.Where(n => bookingIds.Contains(n.BookingId) && n.RestrictedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.RestrictedAtUtc, now).SetProperty(n => n.RestrictedBy, by.Length > 100 ? by[..100] : by)
                    .SetProperty(n => n.RestrictedReason, why).SetProperty(n => n.Version, n => n.Version + 1), cancellationToken);
            restricted += await db.VisitScores.Where(v => bookingIds.Contains(v.BookingId) && v.RestrictedAtUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.RestrictedAtUtc, now).SetProperty(v => v.ScoredRegions, (string?)null), cancellationToken);
            if (restricted > 0)
            {
                audit.Add("client.record-restricted", $"client {id}", $"Treatment record restricted instead of erased (kept for the clinical retention period). Reason: {why}");
            }
            var emails = db.OutboxMessages.Where(m => m.ToAddress == email || (m.BookingId != null && bookingIds.Contains(m.BookingId.Value)));
            emailIds = await emails.Select(m => m.Id).ToListAsync(cancellationToken);
            await emails.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ToAddress, "erased@invalid").SetProperty(m => m.ToName, "")
                    .SetProperty(m => m.Subject, "(erased)").SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, "")
                    .SetProperty(m => m.Ics, (string?)null).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.Status, m => m.Status == OutboxStatus.Sent ? OutboxStatus.Sent : OutboxStatus.Cancelled), cancellationToken);
            await ClientRecords.PendingBookingsOf(db, email).ExecuteDeleteAsync(cancellationToken);
            await db.MailboxLinks.Where(l => l.ClientId == id || l.Email == email).ExecuteDeleteAsync(cancellationToken);
            // Signed in to their own page: the session ends with the record it showed.
            await db.ClientSessions.Where(s => s.ClientId == id).ExecuteDeleteAsync(cancellationToken);
            // Consents to share a summary name the client and their doctor: personal data, gone with the rest.
            await db.SummaryConsents.Where(c => c.ClientId == id).ExecuteDeleteAsync(cancellationToken);
            client.Name = ErasedName;
            client.Email = $"erased-{id}@invalid";
            client.Phone = "";
            client.StaffNotes = null;
            client.ErasureRequestedAtUtc = null;
            audit.Add("client.erase", $"client {id}", "Personal data erased, with the copies of their emails kept as files; bookings kept anonymised");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // After the commit: an erasure that did not happen must not lose the copies. A file being written
        // at this very moment is deleted by the dispatcher, which finds its row erased when it marks it sent.
        mailFolder.Delete(emailIds);
        if (db.Database.IsSqlite())
        {
            // Updated rows leave their old bytes in free pages and in the WAL until these run.
            await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
        return true;
    }
}
