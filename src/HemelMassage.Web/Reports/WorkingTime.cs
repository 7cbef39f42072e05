using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Reports;

/// <summary>
/// The time a therapist was due to work over some local days: their weekly ranges (breaks are the gaps
/// between them) on each day, less clinic closures (whole days) and less their time off. Each range is turned
/// into UTC on its own day, so the hour lost or gained on a clock-change night is counted as it was.
/// </summary>
public static class WorkingTime
{
    public static TimeSpan Of(
        IReadOnlyList<WeeklyRange> hours, IReadOnlyList<BusyRange> timeOff, IReadOnlyList<ClosureDates> closures, DateOnly first, DateOnly last)
    {
        var total = TimeSpan.Zero;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (closures.Any(c => c.From <= day && day <= c.To))
            {
                continue;
            }
            foreach (var range in hours.Where(h => h.Day == day.DayOfWeek))
            {
                var start = ClinicTime.ToUtc(day.ToDateTime(range.Start));
                var end = ClinicTime.ToUtc(day.ToDateTime(range.End));
                total += Remaining(start, end, timeOff);
            }
        }
        return total;
    }

    /// <summary>The part of [start, end) that no time off covers; overlapping time off is counted once.</summary>
    private static TimeSpan Remaining(DateTime start, DateTime end, IReadOnlyList<BusyRange> timeOff)
    {
        var left = new List<(DateTime Start, DateTime End)> { (start, end) };
        foreach (var off in timeOff.Where(o => o.StartUtc < end && o.EndUtc > start))
        {
            left = [.. left.SelectMany(p => Cut(p, off))];
        }
        return left.Aggregate(TimeSpan.Zero, (sum, p) => sum + (p.End - p.Start));
    }

    private static IEnumerable<(DateTime Start, DateTime End)> Cut((DateTime Start, DateTime End) piece, BusyRange off)
    {
        if (off.EndUtc <= piece.Start || off.StartUtc >= piece.End)
        {
            yield return piece;
            yield break;
        }
        if (off.StartUtc > piece.Start)
        {
            yield return (piece.Start, off.StartUtc);
        }
        if (off.EndUtc < piece.End)
        {
            yield return (off.EndUtc, piece.End);
        }
    }
}
