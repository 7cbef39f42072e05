using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

/// <summary>
/// The dispatcher's bookkeeping. Every update names the lease owner, so a dispatcher whose lease has
/// run out changes nothing. They ignore shutdown: a row that was sent must be marked sent.
/// </summary>
public sealed class OutboxMarks(ClinicDbContext db, string owner, TimeProvider time)
{
    public Task SentAsync(OutboxMessage row)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.Attempts, row.Attempts + 1)
            .SetProperty(m => m.SentAt, now)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));
    }

    public Task RetryAsync(OutboxMessage row, int attempts, DateTime retryAt, string error) =>
        Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));

    public Task FailedAsync(OutboxMessage row, int attempts, string error) =>
        Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Failed)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));

    /// <summary>Hands rows back untried, without spending an attempt.</summary>
    public async Task ReleaseAsync(IEnumerable<OutboxMessage> rows, DateTime retryAt)
    {
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, retryAt)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));
    }

    private IQueryable<OutboxMessage> Owned(int id) =>
        db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboxStatus.Sending);
}
