namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// Hours chosen by rule for tests that share one <see cref="BookingSite"/>: each test books hours of its own,
/// so no test sees another's booking whatever order they run in. Hour <c>n</c> is Sarah's n-th working hour
/// of 09:00, 11:00, 14:00 and 16:00, Monday to Friday, from Tuesday 8 December 2026: every one outside the
/// 24-hour cut-off of the site's Monday 08:00 and inside its booking window, and far enough apart that the
/// changeover after one never takes the next.
/// </summary>
public static class SarahsHours
{
    private static readonly int[] s_hours = [9, 11, 14, 16];

    public static string Hour(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var day = new DateOnly(2026, 12, 8);
        for (var days = n / s_hours.Length; days > 0; days--)
        {
            do
            {
                day = day.AddDays(1);
            }
            while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        }
        return $"{day:yyyy-MM-dd}T{s_hours[n % s_hours.Length]:00}:00Z";
    }
}
