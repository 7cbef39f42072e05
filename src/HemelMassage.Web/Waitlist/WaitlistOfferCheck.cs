using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// An offer email goes out only while its offer stands, read at send time: the hold still live and no active
/// booking of that therapist at that hour (staff may book over a hold by phone). Otherwise it is not sent.
/// </summary>
public sealed class WaitlistOfferCheck(TimeProvider clock) : IOutboxSendCheck
{
    private const string Prefix = "waitlist-offer:";

    public async Task<bool> StillWantedAsync(ClinicDbContext db, OutboxMessage row, CancellationToken cancellationToken)
    {
        if (row.Kind != EmailKind.WaitlistOffer || row.ReminderKey is not { } key || !key.StartsWith(Prefix, StringComparison.Ordinal)
            || !int.TryParse(key.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offerId))
        {
            return true;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var offer = await db.WaitlistOffers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == offerId, cancellationToken);
        if (offer is null || !offer.IsHeldAt(now))
        {
            return false;
        }
        var end = TreatmentLength.EndOf(offer.StartUtc);
        var earliest = offer.StartUtc - TreatmentLength.Duration;
        return !await db.Bookings.AnyAsync(b => b.TherapistId == offer.TherapistId && b.StartUtc > earliest && b.StartUtc < end
            && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.Arrived || b.Status == BookingStatus.NoShow), cancellationToken);
    }
}
