using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Waitlist;

/// <summary>Which hours an entry wants, the one place the rule is written, and how pages and emails say it.</summary>
public static class WaitlistWishes
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The part of the day an hour starting at this clinic-local time falls in.</summary>
    public static DayParts PartOf(TimeOnly localStart) => localStart.Hour switch
    {
        < 12 => DayParts.Mornings,
        < 17 => DayParts.Afternoons,
        _ => DayParts.Evenings,
    };

    /// <summary>Whether the entry wants this therapist's hour (dates, times of day, weekdays, therapist); the treatment is checked with the schedule.</summary>
    public static bool Wants(WaitlistEntry entry, int therapistId, DateTime startUtc)
    {
        var local = ClinicTime.ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        return (entry.TherapistId is null || entry.TherapistId == therapistId)
            && entry.FromDate <= date && date <= entry.ToDate
            && (entry.Times == DayParts.None || entry.Times.HasFlag(PartOf(TimeOnly.FromDateTime(local))))
            && (entry.Weekdays == 0 || (entry.Weekdays & WaitlistEntry.WeekdayBit(local.DayOfWeek)) != 0);
    }

    /// <summary>"Tuesday 1 December to Friday 11 December, mornings or evenings, Mondays and Fridays only".</summary>
    public static string When(WaitlistEntry entry)
    {
        var dates = entry.FromDate == entry.ToDate
            ? Day(entry.FromDate)
            : $"{Day(entry.FromDate)} to {Day(entry.ToDate)}";
        var parts = new List<string>();
        if (entry.Times != DayParts.None)
        {
            parts.Add(Or(Enum.GetValues<DayParts>().Where(p => p != DayParts.None && entry.Times.HasFlag(p)).Select(p => p.ToString().ToLowerInvariant())));
        }
        else
        {
            parts.Add("any time of day");
        }
        if (entry.Weekdays != 0)
        {
            parts.Add(Or(Week.Where(d => (entry.Weekdays & WaitlistEntry.WeekdayBit(d)) != 0).Select(d => d + "s")) + " only");
        }
        return $"{dates}, {string.Join(", ", parts)}";
    }

    /// <summary>Monday first, as the clinic's week runs.</summary>
    public static readonly IReadOnlyList<DayOfWeek> Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>"Friday 11 December 2026": the last day the entry waits for.</summary>
    public static string LastDay(WaitlistEntry entry) => entry.ToDate.ToString("dddd d MMMM yyyy", British);

    private static string Day(DateOnly date) => date.ToString("dddd d MMMM", British);

    private static string Or(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }

    /// <summary>"Deep tissue massage with Sarah", or "… with any therapist".</summary>
    public static string Wanted(Schedule schedule, int treatmentId, int? therapistId) =>
        $"{schedule.Treatment(treatmentId)?.Name ?? "A treatment"} with {(therapistId is int id ? schedule.Therapist(id)?.Name ?? "your therapist" : "any therapist")}";
}
