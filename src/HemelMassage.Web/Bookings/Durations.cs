using System.Globalization;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// A rule's length as people say it, the one formatter for every page and email that states one:
/// "48 hours", "1 hour", "90 minutes" is "1 hour 30 minutes", and whole days from three days up, "60 days".
/// </summary>
public static class Durations
{
    public static string Say(TimeSpan span)
    {
        var minutes = (long)Math.Round(span.TotalMinutes);
        if (minutes <= 0)
        {
            return "no time";
        }
        if (minutes % (24 * 60) == 0 && minutes >= 3 * 24 * 60)
        {
            return Count(minutes / (24 * 60), "day");
        }
        var (hours, rest) = (minutes / 60, minutes % 60);
        return (hours, rest) switch
        {
            (0, _) => Count(rest, "minute"),
            (_, 0) => Count(hours, "hour"),
            _ => Count(hours, "hour") + " " + Count(rest, "minute"),
        };
    }

    private static string Count(long n, string unit) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? unit : unit + "s");
}
