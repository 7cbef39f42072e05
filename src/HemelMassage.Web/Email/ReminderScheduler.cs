using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>
/// Queues the day-before reminders. Due reminders come from the bookings as they are now, so a
/// cancelled booking gets none and a moved one gets one for its new time; each is queued with a
/// <see cref="OutboxMessage.ReminderKey"/> under a unique index, so none is ever queued twice.
/// </summary>
public sealed class ReminderScheduler(
    IServiceScopeFactory scopes, BookingEmailComposer composer, EmailPolicy policy, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<ReminderScheduler> logger)
{
    /// <summary>From ReminderHour on the day before, a booking is due its reminder; returns how many were queued.</summary>
    public async Task<int> QueueDueRemindersAsync(CancellationToken cancellationToken = default)
    {
        var nowUtc = time.GetUtcNow().UtcDateTime;
        var local = ClinicTime.ToLocal(nowUtc);
        if (local.Hour < options.Value.ReminderHour)
        {
            return 0;
        }
        var tomorrow = local.Date.AddDays(1);
        var fromUtc = ClinicTime.ToUtc(tomorrow);
        var toUtc = ClinicTime.ToUtc(tomorrow.AddDays(1));

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var source = scope.ServiceProvider.GetRequiredService<IReminderSource>();
        var due = (await source.ActiveBookingsStartingAsync(db, fromUtc, toUtc, cancellationToken))
            .Where(n => n.StartUtc >= nowUtc)
            .GroupBy(KeyOf).Select(g => g.First())
            .ToDictionary(KeyOf);
        return await KeyedQueue.QueueOnceAsync(db, due, composer.Reminder, n => n.BookingId, policy, time, logger, cancellationToken);
    }

    /// <summary>One reminder per booking, per calendar version, per start: a reschedule makes a new key.</summary>
    public static string KeyOf(BookingNotice notice) => string.Create(CultureInfo.InvariantCulture,
        $"reminder:{notice.BookingId}:{notice.CalendarSequence}:{notice.StartUtc:yyyyMMdd'T'HHmmss'Z'}");
}
