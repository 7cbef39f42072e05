using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HemelMassage.Web.Email;

/// <summary>
/// The .ics invitation of a booking: one stable UID for its whole life, SEQUENCE from the booking,
/// times in UTC so no calendar can shift them by an hour around a clock change.
/// </summary>
public sealed class BookingCalendar(ClinicOptions clinic, TimeProvider time)
{
    public const string Request = "REQUEST";
    public const string Cancel = "CANCEL";

    public string Invitation(BookingNotice notice) => Serialize(notice, Request, notice.CalendarSequence, "CONFIRMED");

    /// <summary>A cancellation must carry a higher SEQUENCE than the last invitation, or calendars ignore it.</summary>
    public string Cancellation(BookingNotice notice) => Serialize(notice, Cancel, notice.CalendarSequence + 1, "CANCELLED");

    public static string? MethodOf(string? ics)
    {
        if (ics is null)
        {
            return null;
        }
        using var reader = new StringReader(ics);
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase))
            {
                return line["METHOD:".Length..].Trim().ToUpperInvariant();
            }
        }
        return null;
    }

    private string Serialize(BookingNotice notice, string method, int sequence, string status)
    {
        var calendarEvent = new CalendarEvent
        {
            Uid = notice.CalendarUid.ToString("D") + "@" + clinic.BaseUri.Host,
            Sequence = sequence,
            DtStamp = Utc(time.GetUtcNow().UtcDateTime),
            DtStart = Utc(notice.StartUtc),
            DtEnd = Utc(notice.EndUtc),
            Summary = EmailSanitizer.SingleLine($"{notice.TreatmentName} at {clinic.Name}"),
            Description = $"Booking reference {EmailSanitizer.SingleLine(notice.Reference)}. Phone {clinic.Phone} to change it.",
            Location = ClinicAddress.OneLine(clinic),
            Status = status,
            Organizer = new Organizer("mailto:" + clinic.Email) { CommonName = clinic.Name },
        };
        // RFC 5546 wants the invitee named in a REQUEST; calendars use it to file the event as accepted.
        if (Uri.TryCreate("mailto:" + notice.ClientEmail.Trim(), UriKind.Absolute, out var client) && !notice.ClientEmail.Any(char.IsControl))
        {
            calendarEvent.Attendees.Add(new Attendee(client)
            {
                CommonName = EmailSanitizer.SingleLine(notice.ClientName),
                ParticipationStatus = "ACCEPTED",
                Rsvp = false,
            });
        }
        var calendar = new Calendar { Method = method, ProductId = $"-//{clinic.Name}//Bookings//EN" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), CalDateTime.UtcTzId);
}
