using System.Globalization;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Bookings;

/// <summary>The day a times page shows, and what it says when the day asked for cannot be shown.</summary>
public sealed record DayChoice(DateOnly? Day, string? Problem);

/// <summary>
/// Which day of free times to show for the date a client asked for (typed, picked or from a link): that day,
/// else the next day with free times after it (never one before), and a plain sentence saying why.
/// </summary>
public sealed class DayChoices(AvailabilityCalculator calculator, IOptions<BookingOptions> options, TimeProvider clock, SlotText text)
{
    /// <summary>The first and last dates of the booking window, for the date field's min and max.</summary>
    public (DateOnly First, DateOnly Last) Window => calculator.Dates(clock.GetUtcNow().UtcDateTime);

    public TimeSpan WindowLength => options.Value.MaximumWindow;

    /// <param name="dates">The dates with free times, in order.</param>
    public DayChoice Choose(IReadOnlyList<DateOnly> dates, string? asked, Schedule schedule)
    {
        if (dates.Count == 0 || string.IsNullOrEmpty(asked))
        {
            return new(dates.Count == 0 ? null : dates[0], null);
        }
        if (!DateOnly.TryParseExact(asked, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return new(dates[0], "That isn't a date we can read. Please choose one of the days below, or pick a date in the calendar.");
        }
        var today = calculator.LocalDate(clock.GetUtcNow().UtcDateTime);
        var (_, last) = Window;
        if (date < today)
        {
            return new(dates[0], $"That day ({text.Day(date)}) has passed. Here are the next free times.");
        }
        if (date > last)
        {
            return new(dates[^1], $"We take bookings up to {Durations.Say(options.Value.MaximumWindow)} ahead, so up to {text.Day(last)}. Here are the latest free times we have.");
        }
        if (dates.Contains(date))
        {
            return new(date, null);
        }
        var why = schedule.IsClosed(date) ? $"We are closed on {text.Day(date)}"
            : date == today ? "There are no free times left today"
            : $"There are no free times on {text.Day(date)}";
        foreach (var next in dates)
        {
            if (next > date)
            {
                return new(next, $"{why}; here is the next day with free times, {text.Day(next)}.");
            }
        }
        return new(null, $"{why}, nor on any later day we take bookings for (up to {text.Day(last)}). Please choose an earlier day.");
    }
}
