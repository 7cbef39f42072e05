using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// Therapists, hours, time off, closures and treatments change rarely, so availability reads them from
/// memory and spends its one SQL command on the bookings. Whatever edits them calls <see cref="Invalidate"/>;
/// the short expiry covers another app instance doing so.
/// </summary>
public sealed class ScheduleCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    private static readonly object Key = new();
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    public async Task<Schedule> GetAsync(CancellationToken cancellationToken = default) =>
        await cache.GetOrCreateAsync(Key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Expiry;
            return await LoadAsync(cancellationToken);
        }) ?? throw new InvalidOperationException("The schedule could not be loaded.");

    public void Invalidate() => cache.Remove(Key);

    private async Task<Schedule> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var treatments = await db.Treatments.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TreatmentChoice(t.Id, t.Slug, t.Name, t.Suits, t.PricePence))
            .ToListAsync(cancellationToken);
        var activeTreatments = treatments.Select(t => t.Id).ToHashSet();
        var therapists = await db.Therapists.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Include(t => t.Hours).Include(t => t.TimeOff).Include(t => t.Treatments)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        // Bookable only when someone can give it, as on the public pages (TreatmentMenu).
        var given = therapists.SelectMany(t => t.Treatments).Select(t => t.Id).ToHashSet();
        treatments.RemoveAll(t => !given.Contains(t.Id));
        var closures = await db.ClinicClosures.AsNoTracking()
            .Select(c => new ClosureDates(c.From, c.To)).ToListAsync(cancellationToken);
        return new Schedule(
            [.. therapists.Select(t => new TherapistSchedule(
                t.Id, t.Name, t.Bio,
                t.Treatments.Select(x => x.Id).Where(activeTreatments.Contains).ToHashSet(),
                [.. t.Hours.Select(h => new WeeklyRange(h.Day, h.Start, h.End))],
                [.. t.TimeOff.Select(o => new BusyRange(t.Id, o.StartUtc, o.EndUtc))]))],
            closures,
            treatments);
    }
}
