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
/// client's emails kept as files in the mail folder. Email that went out over SMTP cannot be called back.
/// </summary>
public sealed class ClientPrivacy(ClinicDbContext db, AuditLog audit, TimeProvider clock, Intake.HealthAnswerProtector protector, MailFolder mailFolder)
{
    public const string ErasedName = "Erased client";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<string?> ExportAsync(int id, CancellationToken cancellationToken)
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
        var emails = await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == client.Email)
            .Select(m => new { m.Subject, Kind = m.Kind.ToString(), Status = m.Status.ToString() }).ToListAsync(cancellationToken);
        await audit.SaveAsync("client.export", $"client {id}", "Exported everything held about the client (JSON)");
        return JsonSerializer.Serialize(new
        {
            ExportedAtUtc = clock.GetUtcNow().UtcDateTime,
            Client = new { client.Name, client.Email, client.Phone, client.FirstVisit, client.CreatedAtUtc },
            Bookings = bookings,
            Intakes = intakes,
            Emails = emails,
        }, Indented);
    }

    public async Task<bool> EraseAsync(int id, CancellationToken cancellationToken)
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
            var emails = db.OutboxMessages.Where(m => m.ToAddress == email || (m.BookingId != null && bookingIds.Contains(m.BookingId.Value)));
            emailIds = await emails.Select(m => m.Id).ToListAsync(cancellationToken);
            await emails.ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ToAddress, "erased@invalid").SetProperty(m => m.ToName, "")
                    .SetProperty(m => m.Subject, "(erased)").SetProperty(m => m.TextBody, "").SetProperty(m => m.HtmlBody, "")
                    .SetProperty(m => m.Ics, (string?)null).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.Status, m => m.Status == OutboxStatus.Sent ? OutboxStatus.Sent : OutboxStatus.Cancelled), cancellationToken);
            await ClientRecords.PendingBookingsOf(db, email).ExecuteDeleteAsync(cancellationToken);
            await db.MailboxLinks.Where(l => l.ClientId == id || l.Email == email).ExecuteDeleteAsync(cancellationToken);
            // Consents to share a summary name the client and their doctor: personal data, gone with the rest.
            await db.SummaryConsents.Where(c => c.ClientId == id).ExecuteDeleteAsync(cancellationToken);
            client.Name = ErasedName;
            client.Email = $"erased-{id}@invalid";
            client.Phone = "";
            client.StaffNotes = null;
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
