namespace HemelMassage.Web.Bookings;

/// <summary>"any" (no preference) or a therapist id, as it travels in links and forms.</summary>
public static class TherapistChoice
{
    public const string Any = "any";

    public static bool TryParse(string? value, out int? therapistId)
    {
        therapistId = null;
        if (string.Equals(value, Any, StringComparison.Ordinal))
        {
            return true;
        }
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            therapistId = id;
            return true;
        }
        return false;
    }

    public static string Format(int? therapistId) =>
        therapistId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Any;
}
