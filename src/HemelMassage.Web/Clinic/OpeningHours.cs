using System.Globalization;
using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Clinic;

/// <summary>One line of the opening hours as pages show it: "Tuesday to Friday", "09:00 to 20:00".</summary>
public sealed record OpeningHoursLine(string Days, string Hours);

/// <summary>
/// The clinic's opening hours, worked out from the therapists' weekly hours, so the footer can never say the
/// clinic is closed when an hour can be booked, or open when no therapist works: on each day, from the first
/// therapist's start to the last one's end. Days with the same hours are joined ("Tuesday to Friday").
/// </summary>
public sealed class OpeningHours(ScheduleCache schedules, ILogger<OpeningHours> logger)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");
    private static readonly DayOfWeek[] Week =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The week's lines, or null when the schedule cannot be read (an error page must still render).</summary>
    public async Task<IReadOnlyList<OpeningHoursLine>?> LinesAsync(CancellationToken cancellationToken = default) =>
        await ScheduleAsync(cancellationToken) is { } schedule ? Lines(schedule) : null;

    /// <summary>The schema.org lines, or null when the schedule cannot be read.</summary>
    public async Task<IReadOnlyList<string>?> SchemaOrgAsync(CancellationToken cancellationToken = default) =>
        await ScheduleAsync(cancellationToken) is { } schedule ? SchemaOrg(schedule) : null;

    private async Task<Schedule?> ScheduleAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await schedules.GetAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Opening hours left out of the page: the schedule could not be read");
            return null;
        }
    }

    public static IReadOnlyList<OpeningHoursLine> Lines(Schedule schedule) =>
        [.. Spans(schedule).Select(g => new OpeningHoursLine(
            g.First == g.Last ? Name(g.First) : $"{Name(g.First)} to {Name(g.Last)}",
            g.Hours is { } h ? $"{Time(h.Open)} to {Time(h.Close)}" : "Closed"))];

    /// <summary>The schema.org form for search engines: "Mo 09:00-18:00", "Tu-Fr 09:00-20:00".</summary>
    public static IReadOnlyList<string> SchemaOrg(Schedule schedule) =>
        [.. Spans(schedule).Where(g => g.Hours is not null).Select(g =>
            (g.First == g.Last ? Short(g.First) : $"{Short(g.First)}-{Short(g.Last)}") + $" {Time(g.Hours!.Value.Open)}-{Time(g.Hours!.Value.Close)}")];

    private static List<(DayOfWeek First, DayOfWeek Last, (TimeOnly Open, TimeOnly Close)? Hours)> Spans(Schedule schedule)
    {
        var spans = new List<(DayOfWeek First, DayOfWeek Last, (TimeOnly Open, TimeOnly Close)? Hours)>();
        foreach (var day in Week)
        {
            var ranges = schedule.Therapists.SelectMany(t => t.Hours).Where(h => h.Day == day).ToList();
            (TimeOnly, TimeOnly)? hours = ranges.Count == 0 ? null : (ranges.Min(r => r.Start), ranges.Max(r => r.End));
            if (spans.Count > 0 && spans[^1].Hours == hours)
            {
                spans[^1] = spans[^1] with { Last = day };
            }
            else
            {
                spans.Add((day, day, hours));
            }
        }
        return spans;
    }

    private static string Name(DayOfWeek day) => British.DateTimeFormat.GetDayName(day);

    private static string Short(DayOfWeek day) => day.ToString()[..2];

    private static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
