using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.ManageBooking;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace HemelMassage.Web.Email;

/// <summary>One booking in a subscription feed: its calendar identity, its hour and the words shown.</summary>
public sealed record FeedEvent(Guid CalendarUid, int CalendarSequence, DateTime StartUtc, DateTime EndUtc, string Summary);

/// <summary>
/// Every .ics of a booking, emailed, downloaded or in a therapist's feed: one stable UID for its whole life, SEQUENCE from the
/// booking (raised on each move), times in UTC so no calendar can shift them by an hour around a clock
/// change, and the same words each time, since a calendar keeps one entry per UID and the last file wins.
/// </summary>
public sealed class BookingCalendar(ClinicOptions clinic, TimeProvider time)
{
    public const string Request = "REQUEST";
    public const string Publish = "PUBLISH";
    public const string Cancel = "CANCEL";

    /// <summary>The invitation emailed on booking and on each move: a REQUEST, naming the client as the attendee.</summary>
    public string Invitation(BookingNotice notice) => Serialize(Entry.Of(notice), Request);

    /// <summary>A cancellation must carry a higher SEQUENCE than the last invitation, or calendars ignore it.</summary>
    public string Cancellation(BookingNotice notice) => Serialize(Entry.Of(notice), Cancel);

    /// <summary>
    /// The file offered on the confirmation and manage pages. A PUBLISH: the client adds the booking to their
    /// own calendar, so it is no invitation to answer (a REQUEST makes calendars ask to accept or decline, and
    /// RFC 5546 names no attendee in a PUBLISH). Same UID and SEQUENCE as the emails, so opening it after the
    /// invitation updates that entry rather than adding a second; a cancelled booking's file is its cancellation.
    /// </summary>
    public string Download(Booking booking) =>
        Serialize(Entry.Of(booking), ManageBookings.IsCancelled(booking) ? Cancel : Publish);

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

    /// <summary>
    /// A therapist's subscription feed (a PUBLISH of many events, read by calendar apps every few hours): each
    /// booking under the UID and SEQUENCE its emails carry, so a move updates the entry in place and a booking
    /// left out of the next fetch disappears. The caller words each event (what a therapist's phone may show), so
    /// no description, attendee or contact detail is added here.
    /// </summary>
    public string Feed(string calendarName, IEnumerable<FeedEvent> events)
    {
        var calendar = NewCalendar(Publish);
        calendar.AddProperty("X-WR-CALNAME", EmailSanitizer.SingleLine(calendarName));
        // Apple and Outlook honour these; Google refreshes on its own schedule whatever a feed asks.
        var refresh = new CalendarProperty("REFRESH-INTERVAL", "PT1H");
        refresh.Parameters.Add("VALUE", "DURATION");
        calendar.AddProperty(refresh);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        foreach (var feedEvent in events)
        {
            var calendarEvent = Event(new Entry(feedEvent.CalendarUid, feedEvent.CalendarSequence, feedEvent.StartUtc, feedEvent.EndUtc, "", "", "", ""), Publish);
            calendarEvent.Summary = EmailSanitizer.SingleLine(feedEvent.Summary);
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private string Serialize(Entry entry, string method)
    {
        var calendarEvent = Event(entry, method);
        calendarEvent.Description = $"Booking reference {EmailSanitizer.SingleLine(entry.Reference)}. Phone {clinic.Phone} to change it.";
        calendarEvent.Organizer = new Organizer("mailto:" + clinic.Email) { CommonName = clinic.Name };
        // RFC 5546 wants the invitee named in a REQUEST and a CANCEL; calendars use it to file the event as accepted.
        if (method != Publish && Uri.TryCreate("mailto:" + entry.ClientEmail.Trim(), UriKind.Absolute, out var client) && !entry.ClientEmail.Any(char.IsControl))
        {
            calendarEvent.Attendees.Add(new Attendee(client)
            {
                CommonName = EmailSanitizer.SingleLine(entry.ClientName),
                ParticipationStatus = "ACCEPTED",
                Rsvp = false,
            });
        }
        var calendar = NewCalendar(method);
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>What every event of a booking carries, in an email, a download or a feed.</summary>
    private CalendarEvent Event(Entry entry, string method) => new()
    {
        Uid = entry.Uid.ToString("D") + "@" + clinic.BaseUri.Host,
        Sequence = method == Cancel ? entry.Sequence + 1 : entry.Sequence,
        DtStamp = Utc(time.GetUtcNow().UtcDateTime),
        DtStart = Utc(entry.StartUtc),
        DtEnd = Utc(entry.EndUtc),
        Summary = EmailSanitizer.SingleLine($"{entry.Treatment} at {clinic.Name}"),
        Location = ClinicAddress.OneLine(clinic),
        Status = method == Cancel ? "CANCELLED" : "CONFIRMED",
    };

    private Calendar NewCalendar(string method) => new() { Method = method, ProductId = $"-//{clinic.Name}//Bookings//EN" };

    private static CalDateTime Utc(DateTime value) =>
        new(DateTime.SpecifyKind(value, DateTimeKind.Utc), CalDateTime.UtcTzId);

    private sealed record Entry(Guid Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string Treatment, string Reference, string ClientEmail, string ClientName)
    {
        public static Entry Of(BookingNotice n) => new(n.CalendarUid, n.CalendarSequence, n.StartUtc, n.EndUtc, n.TreatmentName, n.Reference, n.ClientEmail, n.ClientName);

        public static Entry Of(Booking a) => new(a.CalendarUid, a.CalendarSequence, a.StartUtc, a.EndUtc,
            a.Treatment?.Name ?? "Massage", a.Reference, a.Client?.Email ?? "", a.Client?.Name ?? "");
    }
}
