using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// Hears every hour that becomes free (<see cref="IFreedHours"/>): a booking cancelled, moved or late-cancelled by
/// anyone (inside <see cref="BookingWrites"/>' transaction), time off removed, a closure lifted. Each free hour
/// goes to the first waiting entry that wants it.
/// </summary>
public sealed class WaitlistFreedHours(
    ClinicDbContext db, WaitlistOffers offers, Availability availability, AvailabilityCalculator calculator, TimeProvider clock, ILogger<WaitlistFreedHours> logger) : IFreedHours
{
    public async Task OfferAsync(IReadOnlyCollection<FreedHour> hours, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        foreach (var hour in hours.Distinct())
        {
            await offers.OfferToNextAsync(schedule, hour, cancellationToken);
        }
    }

    public async Task OfferFreeBetweenAsync(int? therapistId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (toUtc <= now)
        {
            return;
        }
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var bookings = await availability.BookingsAsync(fromUtc, toUtc, therapistId, null, cancellationToken);
            foreach (var therapist in schedule.Therapists.Where(t => (therapistId is null || t.Id == therapistId) && t.TreatmentIds.Count > 0))
            {
                var free = calculator.FreeSlots(schedule, bookings, now, therapist.TreatmentIds.First(), therapist.Id,
                    calculator.LocalDate(fromUtc), calculator.LocalDate(toUtc));
                foreach (var slot in free.Where(s => s.StartUtc >= fromUtc && s.StartUtc < toUtc))
                {
                    await offers.OfferToNextAsync(schedule, new FreedHour(therapist.Id, slot.StartUtc), cancellationToken);
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            // The change that freed the hours is saved; the job's next pass is not needed for them, a later freeing offers them.
            logger.LogWarning(ex, "Offering the hours freed between {From:O} and {To:O} to the waitlist was refused by the database", fromUtc, toUtc);
            db.ChangeTracker.Clear();
        }
    }
}
