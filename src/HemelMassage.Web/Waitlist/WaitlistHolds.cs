using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// The hours held for someone on the waitlist, read with the bookings by <see cref="Availability"/>: while held,
/// an hour is neither shown on the times pages nor bookable online by anyone else. A hold whose time has run out
/// counts no more, even before the job has passed it on.
/// </summary>
public sealed class WaitlistHolds(ClinicDbContext db) : IHourHolds
{
    public async Task<IReadOnlyList<BusyRange>> HeldAsync(DateTime earliestStart, DateTime latestStart, int? therapistId, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var held = await db.WaitlistOffers.AsNoTracking()
            .Where(o => o.State == OfferState.Offered && o.StartUtc > earliestStart && o.StartUtc < latestStart && o.HeldUntilUtc > nowUtc)
            .Where(o => therapistId == null || o.TherapistId == therapistId)
            .Select(o => new { o.TherapistId, o.StartUtc })
            .ToListAsync(cancellationToken);
        return [.. held.Select(o => new BusyRange(o.TherapistId, o.StartUtc, TreatmentLength.EndOf(o.StartUtc)))];
    }
}
