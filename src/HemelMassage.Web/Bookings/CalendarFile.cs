using System.Globalization;
using System.Text;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Bookings;

/// <summary>An add-to-calendar .ics for one booking: UTC times, stable UID, SEQUENCE raised on each reschedule.</summary>
public static class CalendarFile
{
    public static string For(Booking appointment, string treatmentName, string therapistName, ClinicOptions clinic, DateTime nowUtc)
    {
        var lines = new[]
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Hemel Massage//Booking//EN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            $"UID:{appointment.CalendarUid:D}@{clinic.BaseUri.Host}",
            $"SEQUENCE:{appointment.CalendarSequence.ToString(CultureInfo.InvariantCulture)}",
            $"DTSTAMP:{Stamp(nowUtc)}",
            $"DTSTART:{Stamp(appointment.StartUtc)}",
            $"DTEND:{Stamp(appointment.EndUtc)}",
            $"SUMMARY:{Escape($"{treatmentName} with {therapistName} ({clinic.Name})")}",
            $"LOCATION:{Escape($"{clinic.Name}, {clinic.StreetAddress}, {clinic.Locality} {clinic.PostalCode}")}",
            $"DESCRIPTION:{Escape($"Booking {appointment.Reference}. To change it, use the link in your confirmation or call {clinic.Phone}.")}",
            "STATUS:CONFIRMED",
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Stamp(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
