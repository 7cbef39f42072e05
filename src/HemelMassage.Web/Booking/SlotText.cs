using System.Globalization;

namespace HemelMassage.Web.Booking;

/// <summary>Times as people say them, in clinic local time: "Tuesday 3 March, 10:15 to 11:15".</summary>
public sealed class SlotText(AvailabilityCalculator calculator)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public string Day(DateOnly date) => date.ToString("dddd d MMMM", British);

    public string Time(TimeOnly time) => time.ToString("HH:mm", British);

    public string Range(DateTime startUtc)
    {
        var start = calculator.ToLocal(startUtc);
        var end = calculator.ToLocal(TreatmentLength.EndOf(startUtc));
        return $"{Day(DateOnly.FromDateTime(start))}, {Time(TimeOnly.FromDateTime(start))} to {Time(TimeOnly.FromDateTime(end))}";
    }

    public string Range(Slot slot) => $"{Day(slot.LocalDate)}, {Time(slot.LocalStart)} to {Time(slot.LocalEnd)}";

    public static string Problem(SlotProblem problem, BookingOptions options) => problem switch
    {
        SlotProblem.OffGrid => "That isn't one of our start times. Please choose one of the times shown.",
        SlotProblem.TooSoon => $"That time is too soon: we need at least {Hours(options.MinimumNotice)} notice. Please choose a later time.",
        SlotProblem.TooFar => $"We take bookings up to {options.MaximumWindow.TotalDays:0} days ahead. Please choose an earlier date.",
        SlotProblem.Closed => "The clinic is closed that day. Please choose another date.",
        SlotProblem.NotWorking => "No therapist is working at that time. Please choose one of the times shown.",
        SlotProblem.Taken => "Sorry, that time has just been taken. Here are the times still free.",
        _ => "",
    };

    private static string Hours(TimeSpan span) =>
        span.TotalHours == 1 ? "an hour's" : $"{span.TotalHours:0.#} hours'";
}
