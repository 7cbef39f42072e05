using System.Globalization;

namespace HemelMassage.Web.Clinic;

/// <summary>
/// Instants are stored in UTC; people read them in the clinic's time, Europe/London. The one place the
/// clinic's time zone is named: availability, emails, the diary and pages all convert through it.
/// </summary>
public static class ClinicTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateTime ToUtc(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"Tuesday 1 December 2026 at 10:00"</summary>
    public static string Describe(DateTime utc) =>
        ToLocal(utc).ToString("dddd d MMMM yyyy 'at' HH:mm", British);

    /// <summary>"Tue 1 Dec, 10:00", short enough for a subject line.</summary>
    public static string Brief(DateTime utc) => ToLocal(utc).ToString("ddd d MMM, HH:mm", British);
}
