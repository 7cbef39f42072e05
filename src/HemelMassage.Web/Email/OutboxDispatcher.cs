using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>
/// Sends due outbox rows. Each pass claims up to BatchSize rows with one UPDATE that sets a lease, so
/// two dispatchers (two app instances) never hold the same row, then sends and marks what it owns.
/// An attempt is counted only when a mail server answered; while none can be reached the whole queue
/// waits (<see cref="MailOutage"/>), however long that lasts.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, IMailSender sender, OutboxMimeBuilder mime, OutboxSecrets secrets, MailFolder folder, TimeProvider time,
    IOptions<EmailOptions> options, ILogger<OutboxDispatcher> logger)
{
    private readonly EmailOptions _options = options.Value;
    private readonly MailOutage _outage = new(options.Value);

    /// <summary>One pass: claim, send, mark. Returns how many rows it claimed (none while the mail server is out of reach).</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken cancellationToken = default)
    {
        if (_outage.IsWaiting(Now))
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var owner = Guid.NewGuid().ToString("N");
        var marks = new OutboxMarks(db, owner, time);

        if (await ClaimAsync(db, owner, cancellationToken) == 0)
        {
            return 0;
        }
        var rows = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.LeaseOwner == owner && m.Status == OutboxStatus.Sending)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);

        var checks = scope.ServiceProvider.GetServices<IOutboxSendCheck>().ToList();
        await using var connection = sender.Open();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (!(await marks.RenewAsync(rows.Skip(i), Now + _options.LeaseDuration)).Contains(row.Id))
            {
                continue;
            }
            if (!await StillWantedAsync(checks, db, row, cancellationToken))
            {
                await marks.NotNeededAsync(row);
                continue;
            }
            try
            {
                // The rows are read untracked: the link's token goes back into this message only, never into the database.
                await connection.SendAsync(mime.Build(secrets.Open(row)), row, cancellationToken);
                _outage.End();
                if (await marks.SentAsync(row) == 0 && sender is EmlFileSender)
                {
                    // Erased while its file was being written: the copy goes too.
                    folder.Delete([row.Id]);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await marks.ReleaseAsync(rows.Skip(i));
                throw;
            }
            catch (Exception failure) when (SendFailures.IsUnreachable(failure))
            {
                var error = SendFailures.Describe(failure);
                var until = _outage.Begin(Now, Random.Shared.NextDouble());
                await marks.WaitingAsync(row, error);
                await marks.ReleaseAsync(rows.Skip(i + 1));
                logger.LogWarning("Email sending paused, connecting to the mail server failed: {Error}. Nothing is lost; trying again at {RetryAt:O}",
                    LogMask.Emails(error), until);
                break;
            }
            catch (Exception failure)
            {
                _outage.End();
                await FailedAsync(marks, row, failure);
            }
        }
        return rows.Count;
    }

    /// <summary>Derived from state at send time: a row whose reason has gone (<see cref="IOutboxSendCheck"/>) is not sent.</summary>
    private static async Task<bool> StillWantedAsync(List<IOutboxSendCheck> checks, ClinicDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        foreach (var check in checks)
        {
            if (!await check.StillWantedAsync(db, row, cancellationToken))
            {
                return false;
            }
        }
        return true;
    }

    private Task<int> ClaimAsync(ClinicDbContext db, string owner, CancellationToken cancellationToken)
    {
        var now = Now;
        var leaseUntil = now + _options.LeaseDuration;
        if (db.Database.IsNpgsql())
        {
            return ClaimSkippingLockedAsync(db, owner, now, leaseUntil, cancellationToken);
        }
        var claimable = db.OutboxMessages.Where(m =>
            (m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now) ||
            (m.Status == OutboxStatus.Sending && m.LeaseUntil < now));
        var batch = claimable.OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(_options.BatchSize);
        // The condition is repeated outside the sub-select so that a database which re-checks a row
        // after waiting for its lock (PostgreSQL under READ COMMITTED) skips rows another dispatcher took.
        return claimable.Where(m => batch.Contains(m.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.Status, OutboxStatus.Sending)
            .SetProperty(m => m.LeaseOwner, owner)
            .SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
    }

    /// <summary>
    /// On PostgreSQL, several instances poll at once: FOR UPDATE SKIP LOCKED lets each take rows no other
    /// dispatcher is claiming, instead of queueing behind its locks and coming back with a short batch.
    /// </summary>
    private Task<int> ClaimSkippingLockedAsync(ClinicDbContext db, string owner, DateTime now, DateTime leaseUntil, CancellationToken cancellationToken)
    {
        string pending = nameof(OutboxStatus.Pending), sending = nameof(OutboxStatus.Sending);
        return db.Database.ExecuteSqlAsync($"""
            UPDATE "OutboxMessages" SET "Status" = {sending}, "LeaseOwner" = {owner}, "LeaseUntil" = {leaseUntil}
            WHERE "Id" IN (
                SELECT "Id" FROM "OutboxMessages"
                WHERE ("Status" = {pending} AND "NextAttemptAt" <= {now}) OR ("Status" = {sending} AND "LeaseUntil" < {now})
                ORDER BY "NextAttemptAt", "Id"
                LIMIT {_options.BatchSize}
                FOR UPDATE SKIP LOCKED)
            """, cancellationToken);
    }

    /// <summary>A server answered and the message did not go: the attempt counts, and the row is tried again later or has failed for good.</summary>
    private async Task FailedAsync(OutboxMarks marks, OutboxMessage row, Exception failure)
    {
        var attempts = row.Attempts + 1;
        var error = SendFailures.Describe(failure);
        if (SendFailures.IsPermanent(failure) || attempts >= _options.MaxAttempts)
        {
            logger.LogError("Email {Id} ({Kind}) failed after {Attempts} attempt(s): {Error}", row.Id, row.Kind, attempts, LogMask.Emails(error));
            await marks.FailedAsync(row, attempts, error);
            return;
        }
        var retryAt = Now + SendFailures.Backoff(attempts, _options, Random.Shared.NextDouble());
        logger.LogWarning("Email {Id} ({Kind}) attempt {Attempts} failed, retrying at {RetryAt:O}: {Error}", row.Id, row.Kind, attempts, retryAt, LogMask.Emails(error));
        await marks.RetryAsync(row, attempts, retryAt, error);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
