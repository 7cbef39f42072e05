using System.Globalization;

namespace HemelMassage.Web.Bookings;

/// <summary>Times as people say them, in clinic local time: "Tuesday 3 March, 10:15 to 11:15".</summary>
public sealed class SlotText(AvailabilityCalculator calculator, TimeProvider clock)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    private DateOnly Today => calculator.LocalDate(clock.GetUtcNow().UtcDateTime);

    /// <summary>"Tuesday 3 March", with the year when it is not this year: "Friday 1 January 2027".</summary>
    public string Day(DateOnly date) => date.ToString(date.Year == Today.Year ? "dddd d MMMM" : "dddd d MMMM yyyy", British);

    /// <summary>"Today", "Tomorrow", a weekday name within the week ahead, else the short date ("Mon 14 Dec").</summary>
    public string Near(DateOnly date) => (date.DayNumber - Today.DayNumber) switch
    {
        0 => "Today",
        1 => "Tomorrow",
        > 1 and < 7 => date.ToString("dddd", British),
        _ => date.ToString(date.Year == Today.Year ? "ddd d MMM" : "ddd d MMM yyyy", British),
    };

    /// <summary>A day link's words: its near name (a weekday beyond the week ahead) and short date: ("Today", "7 Dec").</summary>
    public (string Name, string ShortDate) Nearby(DateOnly date) =>
        (date.DayNumber - Today.DayNumber is >= 0 and < 7 ? Near(date) : date.ToString("dddd", British),
         date.ToString(date.Year == Today.Year ? "d MMM" : "d MMM yyyy", British));

    public string Time(TimeOnly time) => time.ToString("HH:mm", British);

    /// <summary>
    /// "10:00 to 11:00". On the clock-change nights the wall clock jumps inside the hour, so the true local
    /// times read oddly ("01:00 to 01:00", "00:30 to 02:30"): the label says why.
    /// </summary>
    public string Hours(DateTime startUtc)
    {
        var endUtc = TreatmentLength.EndOf(startUtc);
        var start = calculator.ToLocal(startUtc);
        var end = calculator.ToLocal(endUtc);
        var shift = (end - endUtc) - (start - startUtc);
        var text = $"{Time(TimeOnly.FromDateTime(start))} to {Time(TimeOnly.FromDateTime(end))}";
        return shift < TimeSpan.Zero ? text + " (the clocks go back an hour during it)"
            : shift > TimeSpan.Zero ? text + " (the clocks go forward an hour during it)"
            : text;
    }

    public string Range(DateTime startUtc) => $"{Day(calculator.LocalDate(startUtc))}, {Hours(startUtc)}";

    public string Range(Slot slot) => Range(slot.StartUtc);

    /// <summary>"Tuesday 3 March at 10:00" (with the year when it is not this year).</summary>
    public string At(DateTime utc)
    {
        var local = calculator.ToLocal(utc);
        return $"{Day(DateOnly.FromDateTime(local))} at {Time(TimeOnly.FromDateTime(local))}";
    }

    public static string Problem(SlotProblem problem, BookingOptions options) => problem switch
    {
        SlotProblem.OffGrid => "That isn't one of our start times. Please choose one of the times shown.",
        SlotProblem.TooSoon => $"That time is too soon: we take bookings from {Durations.Say(options.MinimumNotice)} ahead. Please choose a later time.",
        SlotProblem.TooFar => $"We take bookings up to {Durations.Say(options.MaximumWindow)} ahead. Please choose an earlier date.",
        SlotProblem.Closed => "The clinic is closed that day. Please choose another date.",
        SlotProblem.NotWorking => "No therapist is working at that time. Please choose one of the times shown.",
        SlotProblem.Taken => "Sorry, that time has just been taken. Here are the times still free.",
        _ => "",
    };
}
