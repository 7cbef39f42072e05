using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// Passes on holds that ran out (expiry email, then the next match) and ends entries whose last day is over.
/// Each pass is one write transaction, so two app instances on one PostgreSQL database take turns (the advisory
/// lock) and the second finds nothing left to do. A hold is passed on <see cref="HoldClock.ClaimGrace"/> after it
/// ends, so a claim posted before the end wins whichever of the two takes the lock first.
/// </summary>
public sealed class WaitlistJob(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int Batch = 50;

    /// <summary>One pass; returns how many holds and entries it ended.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var offers = scope.ServiceProvider.GetRequiredService<WaitlistOffers>();
        var availability = scope.ServiceProvider.GetRequiredService<Bookings.Availability>();
        var now = clock.GetUtcNow().UtcDateTime;
        var passOn = now - HoldClock.ClaimGrace;
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var expired = await db.WaitlistOffers.Include(o => o.Entry)
            .Where(o => o.State == OfferState.Offered && o.HeldUntilUtc <= passOn)
            .OrderBy(o => o.HeldUntilUtc).ThenBy(o => o.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var offer in expired)
        {
            await offers.EndAndPassOnAsync(schedule, offer, OfferState.Expired, cancellationToken);
        }
        var ended = await db.WaitlistEntries
            .Where(e => e.State == WaitlistState.Waiting && e.EndsAtUtc <= now)
            .OrderBy(e => e.Id).Take(Batch)
            .ToListAsync(cancellationToken);
        foreach (var entry in ended)
        {
            entry.State = WaitlistState.Ended;
            entry.ClosedAtUtc = now;
            await offers.WithdrawAsync(schedule, entry, except: null, cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return expired.Count + ended.Count;
    }
}

/// <summary>Runs <see cref="WaitlistJob"/> every <see cref="WaitlistOptions.PollInterval"/> on the injected clock, outside any request.</summary>
public sealed class WaitlistBackgroundService(
    WaitlistJob job, TimeProvider clock, BackgroundStart backgroundStart, IOptions<WaitlistOptions> options, ILogger<WaitlistBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.JobEnabled || !await backgroundStart.WaitAsync(stoppingToken))
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await job.RunOnceAsync(stoppingToken) > 0)
                {
                    // A full batch may leave more: carry on at once.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy database: the holds stay as they are for the next pass, and none counts while it has run out.
                logger.LogError(e, "Waitlist pass failed; trying again in {Interval}", options.Value.PollInterval);
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
