using System.Globalization;

namespace HemelMassage.Web.Bookings;

/// <summary>How a slot's start travels in a form: a UTC instant to the minute, e.g. 2026-03-03T10:15Z.</summary>
public static class SlotValue
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm'Z'";

    public static string Format(DateTime startUtc) => startUtc.ToString(Pattern, CultureInfo.InvariantCulture);

    public static bool TryParse(string? value, out DateTime startUtc)
    {
        var ok = DateTime.TryParseExact(value, Pattern, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out startUtc);
        startUtc = DateTime.SpecifyKind(startUtc, DateTimeKind.Utc);
        // Far-off years are never bookable, and arithmetic near DateTime's ends would throw.
        return ok && startUtc.Year is > 2000 and < 9000;
    }
}
