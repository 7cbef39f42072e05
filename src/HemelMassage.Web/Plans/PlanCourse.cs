using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Plans;

/// <summary>One kept visit of a client (booked or arrived, past or to come) and the plan set on it, if any.</summary>
public sealed record CourseVisit(int BookingId, DateTime StartUtc, int TherapistId, int TreatmentId, TreatmentPlan? Plan);

/// <summary>The visit the plan asks for next: after <see cref="After"/>, around <see cref="PlannedUtc"/>.</summary>
public sealed record NextVisit(CourseVisit After, TreatmentPlan Plan, int Remaining, DateTime PlannedUtc);

/// <summary>
/// How a plan runs over the visits after it: the latest plan at or before a visit is in force; each kept visit after
/// the one it was set on uses one of its visits; the next is due its interval after the latest visit, unless a later
/// visit is already booked or the plan's visits are used up. Pure: the callers read the visits.
/// </summary>
public static class PlanCourse
{
    public static bool Kept(BookingStatus status) => status is BookingStatus.Booked or BookingStatus.Arrived;

    /// <summary>The next visit the plan asks for after <paramref name="bookingId"/>, or null (no plan, used up, or already booked).</summary>
    public static NextVisit? After(IEnumerable<CourseVisit> visits, int bookingId)
    {
        var ordered = visits.OrderBy(v => v.StartUtc).ThenBy(v => v.BookingId).ToList();
        var index = ordered.FindIndex(v => v.BookingId == bookingId);
        if (index < 0 || index < ordered.Count - 1)
        {
            return null;
        }
        var planAt = ordered.FindLastIndex(index, v => v.Plan is not null);
        if (planAt < 0)
        {
            return null;
        }
        var plan = ordered[planAt].Plan!;
        var remaining = plan.Visits - (index - planAt);
        var visit = ordered[index];
        return remaining <= 0 ? null : new NextVisit(visit, plan, remaining, visit.StartUtc.AddDays(7 * plan.EveryWeeks));
    }

    /// <summary>
    /// Due: the client's latest visit has begun, nothing is booked after it, the plan in force has visits left, and the
    /// next is planned within <see cref="PlanRules.DueWithin"/> of <paramref name="nowUtc"/> or earlier.
    /// </summary>
    public static NextVisit? Due(IEnumerable<CourseVisit> visits, DateTime nowUtc)
    {
        var last = visits.OrderBy(v => v.StartUtc).ThenBy(v => v.BookingId).LastOrDefault();
        if (last is null || last.StartUtc > nowUtc)
        {
            return null;
        }
        return After(visits, last.BookingId) is { } next && next.PlannedUtc <= nowUtc + PlanRules.DueWithin ? next : null;
    }
}
