using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// The bookings due a reminder, read from their current state each time the reminder job runs:
/// a cancelled booking yields nothing, a moved one yields its new time, a client who turned reminders off nothing.
/// </summary>
public sealed class BookingReminderSource(Availability availability, BookingNotices notices) : IReminderSource
{
    public async Task<IReadOnlyList<BookingNotice>> ActiveBookingsStartingAsync(
        ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var due = await db.Bookings.AsNoTracking()
            .Include(a => a.Client)
            .Where(a => a.Status == BookingStatus.Booked && a.Client!.Email != "" && !a.Client.NoReminders && a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .OrderBy(a => a.StartUtc)
            .ToListAsync(cancellationToken);
        var schedule = await availability.ScheduleAsync(cancellationToken);
        return due.Select(a => notices.Of(a, schedule, manageToken: null)).ToList();
    }
}
