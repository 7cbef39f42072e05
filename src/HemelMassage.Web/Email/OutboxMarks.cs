using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

/// <summary>
/// The dispatcher's bookkeeping. Every update names the lease owner, so a dispatcher whose lease has
/// run out changes nothing. They ignore shutdown: a row that was sent must be marked sent.
/// </summary>
public sealed class OutboxMarks(ClinicDbContext db, string owner, TimeProvider time)
{
    /// <summary>Returns 0 when the row stopped being this dispatcher's while it was sent (erased meanwhile).</summary>
    public Task<int> SentAsync(OutboxMessage row)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.Attempts, row.Attempts + 1)
            .SetProperty(m => m.SentAt, now)
            // Sent: the link lives in the client's mailbox now, and the kept copy has none that works.
            .SetProperty(m => m.ProtectedSecret, (string?)null)
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

    /// <summary>Its reason has gone since it was queued: not sent, and its link's token dropped.</summary>
    public Task NotNeededAsync(OutboxMessage row) =>
        Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Cancelled)
            .SetProperty(m => m.ProtectedSecret, (string?)null)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));

    /// <summary>The server could not be reached: the row waits, with the reason for staff to see and no attempt spent.</summary>
    public Task WaitingAsync(OutboxMessage row, string error) =>
        Owned(row.Id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.LastError, error)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));

    /// <summary>
    /// Extends the lease on the rows still held before the next email goes, so a batch slower than one lease
    /// is never claimed by a second dispatcher; returns the ids still this dispatcher's (erasure takes rows away).
    /// </summary>
    public async Task<HashSet<int>> RenewAsync(IEnumerable<OutboxMessage> rows, DateTime leaseUntil)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var held = db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner && m.Status == OutboxStatus.Sending);
        var renewed = await held.ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, leaseUntil));
        return renewed == ids.Count ? [.. ids] : [.. await held.Select(m => m.Id).ToListAsync()];
    }

    /// <summary>Hands rows back untried, without spending an attempt; with no <paramref name="retryAt"/> they keep their place in the queue.</summary>
    public async Task ReleaseAsync(IEnumerable<OutboxMessage> rows, DateTime? retryAt = null)
    {
        var ids = rows.Select(r => r.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }
        await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LeaseOwner == owner).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.NextAttemptAt, m => retryAt ?? m.NextAttemptAt)
            .SetProperty(m => m.LeaseOwner, (string?)null)
            .SetProperty(m => m.LeaseUntil, (DateTime?)null));
    }

    private IQueryable<OutboxMessage> Owned(int id) =>
        db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == owner && m.Status == OutboxStatus.Sending);
}
