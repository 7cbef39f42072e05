using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>
/// What the reminder job asks the booking feature, each time it runs: the bookings as they are now.
/// The booking feature implements it (<see cref="BookingReminderSource"/>); the reminder tests give their own.
/// </summary>
public interface IReminderSource
{
    /// <summary>
    /// Every booking that is active now (not cancelled, not already ended) and starts at or after
    /// <paramref name="fromUtc"/> and before <paramref name="toUtc"/>, with its current time, client,
    /// therapist, <see cref="BookingNotice.CalendarUid"/> and <see cref="BookingNotice.CalendarSequence"/>.
    /// <see cref="BookingNotice.ManageUrl"/> may be null. Read only: no writes, no SaveChanges.
    /// </summary>
    Task<IReadOnlyList<BookingNotice>> ActiveBookingsStartingAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
