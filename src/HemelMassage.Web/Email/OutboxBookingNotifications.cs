using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>
/// Turns booking changes into outbox rows on the booking's own <see cref="ClinicDbContext"/>:
/// they commit with the booking or not at all, and no mail server is ever touched here.
/// </summary>
public sealed class OutboxBookingNotifications(
    BookingEmailComposer composer, MailboxLinkComposer mailbox, EmailPolicy policy, OutboxSecrets secrets, TimeProvider time) : IBookingNotifications
{
    public void Booked(ClinicDbContext db, BookingNotice notice)
    {
        // A booking recorded after its hour began (a walk-in written up later) is not "confirmed" to anyone.
        if (notice.HasClientEmail && notice.StartUtc > time.GetUtcNow().UtcDateTime)
        {
            Add(db, composer.Confirmation(notice), notice.BookingId, notice.ManageUrl, notice.ProveUrl);
        }
        Add(db, composer.ClinicNewBooking(notice), notice.BookingId, notice.ManageUrl);
    }

    public void Rescheduled(ClinicDbContext db, BookingNotice notice, DateTime previousStartUtc)
    {
        CancelWaitingReminders(db, notice.BookingId);
        if (!notice.HasClientEmail)
        {
            return;
        }
        Add(db, composer.Rescheduled(notice, previousStartUtc), notice.BookingId, notice.ManageUrl);
    }

    public void Cancelled(ClinicDbContext db, BookingNotice notice, string? message, bool byClinic)
    {
        CancelWaitingReminders(db, notice.BookingId);
        if (!notice.HasClientEmail)
        {
            return;
        }
        Add(db, composer.Cancelled(notice, message, byClinic), notice.BookingId, notice.ManageUrl);
    }

    public void NeedsConversation(ClinicDbContext db, BookingNotice notice) =>
        Add(db, composer.ClinicNeedsConversation(notice), notice.BookingId, notice.ManageUrl);

    public void MailboxLink(ClinicDbContext db, MailboxLinkNotice notice) =>
        db.OutboxMessages.Add(secrets.Seal(OutboxRows.Create(mailbox.Compose(notice), bookingId: null, reminderKey: null, policy, time), OutboxSecrets.TokenOf(notice.Url)));

    /// <summary>A reminder queued for the old state must not go out: the reminder job will queue one for the new state.</summary>
    private static void CancelWaitingReminders(ClinicDbContext db, int bookingId)
    {
        var waiting = db.OutboxMessages
            .Where(m => m.BookingId == bookingId && m.Kind == EmailKind.Reminder && m.Status == OutboxStatus.Pending)
            .ToList();
        foreach (var reminder in waiting)
        {
            reminder.Status = OutboxStatus.Cancelled;
        }
    }

    /// <param name="links">The links whose tokens must not be stored in the row (<see cref="OutboxSecrets"/>).</param>
    private void Add(ClinicDbContext db, ComposedEmail email, int bookingId, params string?[] links) =>
        db.OutboxMessages.Add(secrets.Seal(OutboxRows.Create(email, bookingId, reminderKey: null, policy, time), [.. links.Select(OutboxSecrets.TokenOf)]));
}
