namespace HemelMassage.Web.Bookings;

/// <summary>
/// A rule an online booking must keep and staff may break once they acknowledge it, each on its own.
/// A therapist's overlapping booking is not one of them: that is never allowed.
/// </summary>
public enum BookingRule
{
    StartTimes,
    Past,
    Notice,
    Window,
    Closed,
    NotBookable,
    Treatment,
    Hours,
    TimeOff,
    Changeover,
}

public static class BookingRules
{
    /// <summary>What staff tick to say they know, in the site's words; the numbers come from the options.</summary>
    public static string Describe(BookingRule rule, BookingOptions options) => rule switch
    {
        BookingRule.StartTimes => "It is not one of the usual start times.",
        BookingRule.Past => "It is in the past: it is recorded, and no \"booking confirmed\" email is sent.",
        BookingRule.Notice => $"It is sooner than the usual {Hours(options.MinimumNotice)} notice.",
        BookingRule.Window => $"It is further ahead than clients may book ({options.MaximumWindow.TotalDays:0} days).",
        BookingRule.Closed => "The clinic is closed that day.",
        BookingRule.NotBookable => "The therapist is not taking bookings.",
        BookingRule.Treatment => "The therapist does not usually give this treatment.",
        BookingRule.Hours => "It is outside the therapist's working hours, or in their break.",
        BookingRule.TimeOff => "The therapist has time off then.",
        BookingRule.Changeover => $"It leaves less than the usual {options.Changeover.TotalMinutes:0} minutes between the therapist's bookings.",
        _ => "A booking rule is not met.",
    };

    private static string Hours(TimeSpan span) =>
        span.TotalHours >= 1 && span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} hour{(span.TotalHours == 1 ? "" : "s")}'" : $"{span.TotalMinutes:0} minutes'";
}
