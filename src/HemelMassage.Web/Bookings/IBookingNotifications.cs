using HemelMassage.Web.Data;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// What the booking feature tells the rest of the site when a booking is made, moved or cancelled.
/// Called inside the booking's own write transaction, before it saves: an implementation only adds
/// rows to the given database context (the email outbox) and never does I/O, so the notice and the change
/// commit together or not at all.
/// </summary>
public interface IBookingNotifications
{
    void Booked(ClinicDbContext db, BookingNotice notice);

    void Rescheduled(ClinicDbContext db, BookingNotice notice, DateTime previousStartUtc);

    /// <param name="message">The clinic's own words to the client, or null. Staff reasons for a cancellation never come here.</param>
    void Cancelled(ClinicDbContext db, BookingNotice notice, string? message, bool byClinic);

    /// <summary>A health answer needs a conversation before the treatment: the clinic is told which booking, never why.</summary>
    void NeedsConversation(ClinicDbContext db, BookingNotice notice);

    /// <summary>A link to the client's own address, proving the mailbox before a change a booking's link may not make.</summary>
    void MailboxLink(ClinicDbContext db, MailboxLinkNotice notice);
}

/// <param name="Booking">The booking it is about, in words ("Deep tissue massage, Tuesday 8 December, 10:00 to 11:00"), or null.</param>
public sealed record MailboxLinkNotice(string Email, string Name, MailboxLinkPurpose Purpose, string Url, DateTime ExpiresAtUtc, string? Booking);

/// <summary>A booking as the outside world may hear of it. Never carries health information.</summary>
/// <param name="ManageUrl">Absolute manage-my-booking link, when the raw token is at hand (it is stored only hashed).</param>
/// <param name="BookedByStaff">Who took the booking, when staff made it (by phone or at the desk); null when the client booked online.</param>
/// <param name="CalendarUid">Stable calendar UID of this booking; <paramref name="CalendarSequence"/> rises on every reschedule.</param>
public sealed record BookingNotice(
    int BookingId,
    string Reference,
    string ClientName,
    string ClientEmail,
    string TreatmentName,
    string TherapistName,
    DateTime StartUtc,
    DateTime EndUtc,
    string? ManageUrl,
    Guid CalendarUid,
    int CalendarSequence,
    string? BookedByStaff = null)
{
    /// <summary>A client who gave no email address (by phone) is sent no email at all.</summary>
    public bool HasClientEmail => ClientEmail.Length > 0;

    /// <summary>
    /// The "this booking is mine" link, when the booking was made online under an address that already had a client
    /// record (<see cref="Booking.AwaitsMailboxProof"/>): the confirmation carries it, since only the address's owner reads it.
    /// </summary>
    public string? ProveUrl { get; init; }
}
