using System.Globalization;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HemelMassage.Web.Tests.Email;

/// <summary>The booking pages and the email outbox together, as a client would meet them.</summary>
public sealed class BookingEmailTests
{
    private const string NoteMarker = "NOTE-MARKER-5c1e9";

    private static BookingSite Site(TestSmtpServer smtp)
    {
        var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false").With("Email:TlsMode", "None")
            .With("Email:Host", "127.0.0.1").With("Email:Port", smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:ClinicNotificationAddress", "diary@hemelmassage.example");
        return site;
    }

    private static async Task DispatchAsync(BookingSite site)
    {
        var dispatcher = site.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }
    }

    private static async Task<string> BookAsync(BookingSite site, string note)
    {
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var details = BookingSite.Location(await journey.ChooseAsync("2026-12-08T10:00Z"));
        var fields = BookingJourney.Details();
        fields["Note"] = note;
        var key = BookingSite.Location(await client.PostFormAsync(details, details, fields)).Split('/')[^1];
        BookingSite.Location(await journey.ConfirmAsync(key));
        return key;
    }

    private static string Everything(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + message.TextBody + message.HtmlBody;
    }

    [Fact]
    public async Task Booking_online_emails_the_client_a_confirmation_with_the_manage_link_and_tells_the_clinic()
    {
        await using var smtp = new TestSmtpServer();
        using var site = Site(smtp);

        await BookAsync(site, "Please go easy on my left shoulder");
        await DispatchAsync(site);

        var confirmation = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "ann@example.com"));
        Assert.Contains("http://localhost:5065/booking/", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sarah", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("24 hours", confirmation.TextBody, StringComparison.Ordinal);
        var notice = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "diary@hemelmassage.example"));
        Assert.DoesNotContain("/booking/", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_marker_typed_into_the_note_for_the_therapist_appears_in_no_email()
    {
        await using var smtp = new TestSmtpServer();
        using var site = Site(smtp);

        await BookAsync(site, "Sore hip " + NoteMarker);
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 18, 30, 0, TimeSpan.Zero)); // the evening before
        await site.Services.GetRequiredService<ReminderScheduler>().QueueDueRemindersAsync();
        await DispatchAsync(site);

        Assert.Equal(3, smtp.Messages.Count); // confirmation, clinic notice, reminder
        Assert.All(smtp.Messages, m => Assert.DoesNotContain(NoteMarker, Everything(m), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booking_made_online_is_reminded_once_the_evening_before()
    {
        await using var smtp = new TestSmtpServer();
        using var site = Site(smtp);
        await BookAsync(site, "");
        var reminders = site.Services.GetRequiredService<ReminderScheduler>();

        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 18, 30, 0, TimeSpan.Zero));
        Assert.Equal(1, await reminders.QueueDueRemindersAsync());
        Assert.Equal(0, await reminders.QueueDueRemindersAsync());
        await DispatchAsync(site);

        Assert.Single(smtp.Messages, m => m.Subject?.StartsWith("See you tomorrow", StringComparison.Ordinal) == true);
    }
}
