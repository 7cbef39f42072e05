using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>
/// Queues the day-after follow-ups, like <see cref="ReminderScheduler"/>: due ones are derived from the
/// bookings as they are now, and each is keyed (<c>follow-up:{id}</c>) under the reminder key's unique
/// index, so a visit gets one follow-up at most.
/// </summary>
public sealed class FollowUpScheduler(
    IServiceScopeFactory scopes, BookingEmailComposer composer, EmailPolicy policy, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<FollowUpScheduler> logger)
{
    public async Task<int> QueueDueFollowUpsAsync(CancellationToken cancellationToken = default)
    {
        var local = ClinicTime.ToLocal(time.GetUtcNow().UtcDateTime);
        if (local.Hour < options.Value.FollowUpHour)
        {
            return 0;
        }
        var yesterday = local.Date.AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var source = scope.ServiceProvider.GetRequiredService<Intake.FollowUpSource>();
        var due = (await source.VisitsAsync(db, ClinicTime.ToUtc(yesterday), ClinicTime.ToUtc(local.Date), cancellationToken))
            .DistinctBy(n => n.BookingId).ToDictionary(KeyOf);
        return await KeyedQueue.QueueOnceAsync(db, due, composer.FollowUp, n => n.BookingId, policy, time, logger, cancellationToken);
    }

    public static string KeyOf(FollowUpNotice notice) => $"follow-up:{notice.BookingId}";
}
