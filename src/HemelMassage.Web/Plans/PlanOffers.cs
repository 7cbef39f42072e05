using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Plans;

/// <summary>
/// The free hours with one therapist closest to a planned date, from the same calculator the booking pages use:
/// never an hour already taken, off the grid, in a closure or time off, too soon or beyond the booking window.
/// </summary>
public sealed class PlanOffers(Availability availability, AvailabilityCalculator calculator, TimeProvider clock)
{
    /// <summary>Up to <see cref="PlanRules.OfferedHours"/> hours within <see cref="PlanRules.Nearness"/> of <paramref name="plannedUtc"/>, in time order.</summary>
    public async Task<IReadOnlyList<Slot>> NearAsync(int therapistId, int treatmentId, DateTime plannedUtc, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var (fromUtc, toUtc) = (plannedUtc - PlanRules.Nearness, plannedUtc + PlanRules.Nearness);
        var bookings = await availability.BookingsAsync(fromUtc, toUtc, therapistId, null, cancellationToken);
        var free = calculator.FreeSlots(schedule, bookings, clock.GetUtcNow().UtcDateTime, treatmentId, therapistId,
            calculator.LocalDate(fromUtc), calculator.LocalDate(toUtc));
        return [.. free.Where(s => s.StartUtc >= fromUtc && s.StartUtc <= toUtc)
            .OrderBy(s => (s.StartUtc - plannedUtc).Duration()).ThenBy(s => s.StartUtc)
            .Take(PlanRules.OfferedHours)
            .OrderBy(s => s.StartUtc)];
    }
}
