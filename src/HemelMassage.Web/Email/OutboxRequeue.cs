using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

/// <summary>For the staff outbox page: send a failed email again, after someone fixed the address or the server.</summary>
public static class OutboxRequeue
{
    /// <summary>Returns false when the row is not a failed one (sent, waiting or already requeued).</summary>
    public static async Task<bool> RequeueFailedAsync(this ClinicDbContext db, int id, TimeProvider time, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.OutboxMessages
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), cancellationToken);
        return changed == 1;
    }
}
