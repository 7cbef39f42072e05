using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

/// <summary>"Add to Google Calendar" and "Add to Outlook" links for people whose mail app ignores the .ics.</summary>
public static class CalendarLinkBuilder
{
    public static CalendarLinks For(BookingNotice notice, ClinicOptions clinic)
    {
        var title = EmailSanitizer.SingleLine($"{notice.TreatmentName} at {clinic.Name}");
        var details = $"Booking reference {EmailSanitizer.SingleLine(notice.Reference)}. To change it, use the link in your email or phone {clinic.Phone}.";
        var location = ClinicAddress.OneLine(clinic);

        var google = "https://calendar.google.com/calendar/render?action=TEMPLATE" +
            "&text=" + Uri.EscapeDataString(title) +
            "&dates=" + Compact(notice.StartUtc) + "%2F" + Compact(notice.EndUtc) +
            "&details=" + Uri.EscapeDataString(details) +
            "&location=" + Uri.EscapeDataString(location);

        var outlook = "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent" +
            "&subject=" + Uri.EscapeDataString(title) +
            "&startdt=" + Uri.EscapeDataString(Iso(notice.StartUtc)) +
            "&enddt=" + Uri.EscapeDataString(Iso(notice.EndUtc)) +
            "&body=" + Uri.EscapeDataString(details) +
            "&location=" + Uri.EscapeDataString(location);

        return new CalendarLinks(google, outlook);
    }

    private static string Compact(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
