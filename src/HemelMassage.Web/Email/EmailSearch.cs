using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

/// <param name="ClientId">The client the email was for (its booking's, or the one with that address), to fix an address.</param>
public sealed record EmailRow(
    int Id, DateTime CreatedAt, DateTime? SentAt, string To, string ToName, string Subject, EmailKind Kind,
    OutboxStatus Status, int Attempts, string? LastError, string? Reference, int? BookingId, int? ClientId);

public sealed record EmailsPage(string Query, int Page, int PageCount, int Total, IReadOnlyList<EmailRow> Rows)
{
    public string Link(int page) => "/admin/emails?" + (Query.Length > 0 ? "q=" + Uri.EscapeDataString(Query) + "&" : "") + "page=" + page;
}

/// <summary>Every email the site has written, sent or not: failed first (they need someone), then waiting, then the rest newest first.</summary>
public sealed class EmailSearch(ClinicDbContext db)
{
    public const int PageSize = 50;

    /// <param name="query">Part of the client's name or address, or a booking reference (with or without "HM-").</param>
    public async Task<EmailsPage> FindAsync(string? query, int? page, CancellationToken cancellationToken)
    {
        var term = (query ?? "").Trim();
        if (term.Length > 200)
        {
            term = term[..200];
        }
        var messages = db.OutboxMessages.AsNoTracking();
        if (term.Length > 0)
        {
            var pattern = LikePattern.Containing(term);
            var reference = term.ToUpperInvariant();
            var withPrefix = reference.StartsWith("HM-", StringComparison.Ordinal) ? reference : "HM-" + reference;
            // SQLite's LIKE ignores case; PostgreSQL's does not, so there the search says ILIKE.
            messages = db.Database.IsNpgsql()
                ? messages.Where(m => EF.Functions.ILike(m.ToAddress, pattern, "\\") || EF.Functions.ILike(m.ToName, pattern, "\\")
                    || db.Bookings.Any(b => b.Id == m.BookingId && (b.Reference == withPrefix || EF.Functions.ILike(b.Client!.Name, pattern, "\\"))))
                : messages.Where(m => EF.Functions.Like(m.ToAddress, pattern, "\\") || EF.Functions.Like(m.ToName, pattern, "\\")
                    || db.Bookings.Any(b => b.Id == m.BookingId && (b.Reference == withPrefix || EF.Functions.Like(b.Client!.Name, pattern, "\\"))));
        }
        var total = await messages.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(page ?? 1, 1, pageCount);
        var rows = await messages
            .OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending ? 1 : 2)
            .ThenByDescending(m => m.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(m => new EmailRow(m.Id, m.CreatedAt, m.SentAt, m.ToAddress, m.ToName, m.Subject, m.Kind, m.Status, m.Attempts, m.LastError,
                db.Bookings.Where(b => b.Id == m.BookingId).Select(b => b.Reference).FirstOrDefault(),
                m.BookingId,
                db.Bookings.Where(b => b.Id == m.BookingId).Select(b => (int?)b.ClientId).FirstOrDefault()
                    ?? db.Clients.Where(c => c.Email == m.ToAddress).Select(c => (int?)c.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new EmailsPage(term, number, pageCount, total, rows);
    }

    public static string KindText(EmailKind kind) => kind switch
    {
        EmailKind.Confirmation => "Booking confirmation",
        EmailKind.ClinicNewBooking => "New booking (to the clinic)",
        EmailKind.Rescheduled => "Booking moved",
        EmailKind.Cancelled => "Booking cancelled",
        EmailKind.Reminder => "Reminder",
        EmailKind.StaffInvitation => "Staff invitation",
        EmailKind.ClinicNeedsConversation => "Talk first (to the clinic)",
        EmailKind.FollowUp => "Follow-up",
        EmailKind.MailboxLink => "Link to prove the address",
        EmailKind.StaffPasswordLink => "New password link (staff)",
        EmailKind.WaitlistJoined => "Waitlist: joined",
        EmailKind.WaitlistOffer => "Waitlist: hour offered",
        EmailKind.WaitlistExpired => "Waitlist: hold ended",
        EmailKind.WaitlistRemoved => "Waitlist: taken off by staff",
        EmailKind.EmailChanged => "Email address changed (to the old one)",
        _ => kind.ToString(),
    };

    public static string StatusText(OutboxStatus status) => status switch
    {
        OutboxStatus.Pending => "Waiting",
        OutboxStatus.Sending => "Sending",
        OutboxStatus.Sent => "Sent",
        OutboxStatus.Failed => "Failed",
        OutboxStatus.Cancelled => "Not sent (no longer needed)",
        _ => status.ToString(),
    };
}
