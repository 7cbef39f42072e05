using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

/// <summary>
/// Queues emails derived from current state, each under a key that the outbox's unique index on
/// <see cref="OutboxMessage.ReminderKey"/> allows once: reminders and follow-ups both use it.
/// </summary>
public static class KeyedQueue
{
    /// <returns>How many were queued now; 0 when another instance got there first (the next run fills any gap).</returns>
    public static async Task<int> QueueOnceAsync<T>(
        ClinicDbContext db, IReadOnlyDictionary<string, T> due, Func<T, ComposedEmail> compose, Func<T, int> bookingId,
        EmailPolicy policy, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        if (due.Count == 0)
        {
            return 0;
        }
        var keys = due.Keys.ToList();
        var queued = await db.OutboxMessages.Where(m => m.ReminderKey != null && keys.Contains(m.ReminderKey))
            .Select(m => m.ReminderKey!).ToListAsync(cancellationToken);
        var fresh = due.Where(d => !queued.Contains(d.Key)).ToList();
        foreach (var (key, item) in fresh)
        {
            db.OutboxMessages.Add(OutboxRows.Create(compose(item), bookingId(item), key, policy, time));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            logger.LogInformation(e, "Emails were queued concurrently elsewhere; will look again next run");
            return 0;
        }
        return fresh.Count;
    }
}
