using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Ical.Net;
using MimeKit;

namespace HemelMassage.Web.Tests.Email;

public sealed class ConfirmationEmailTests
{
    [Fact]
    public async Task A_booking_sends_the_client_a_confirmation_with_both_bodies_the_manage_link_and_an_invitation()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        var notice = Notices.Booking();
        site.Notify((notifications, db) => notifications.Booked(db, notice));

        await site.DispatchUntilIdleAsync();

        var confirmation = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "ann@example.com"));
        Assert.Equal("Ann Client", confirmation.To.Mailboxes.Single().Name);
        Assert.Equal("hello@hemelmassage.example", confirmation.From.Mailboxes.Single().Address);
        Assert.Equal("Booking confirmed: Wed 2 Dec, 10:00 at Hemel Massage", confirmation.Subject);
        Assert.Contains("Wednesday 2 December 2026 at 10:00", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains(notice.ManageUrl!, confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{notice.ManageUrl}\"", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("12 Example Road", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("online until Tuesday 1 December 2026 at 10:00 (24 hours before it starts)", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("calendar.google.com", confirmation.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("outlook.live.com", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Equal(site.Rows().Single(r => r.Kind == EmailKind.Confirmation).MessageId, confirmation.MessageId);

        var invitation = Calendar.Load(Ics(confirmation));
        Assert.Equal("REQUEST", invitation!.Method);
        var booking = Assert.Single(invitation.Events);
        Assert.Equal(notice.CalendarUid.ToString("D") + "@localhost", booking.Uid);
        Assert.Equal(notice.StartUtc, booking.DtStart!.AsUtc);
        Assert.Equal(notice.EndUtc, booking.DtEnd!.AsUtc);
        Assert.Equal(0, booking.Sequence);
        Assert.Contains("12 Example Road", booking.Location, StringComparison.Ordinal);
        Assert.Contains("hello@hemelmassage.example", booking.Organizer!.Value!.ToString(), StringComparison.Ordinal);
        Assert.Equal("mailto:ann@example.com", booking.Attendees.Single().Value!.ToString());
        Assert.Contains(confirmation.Attachments, a => a is MimePart { FileName: "invite.ics" });
    }

    [Fact]
    public async Task The_clinic_hears_of_each_new_booking_without_the_clients_manage_link()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        var notice = Notices.Booking();
        site.Notify((notifications, db) => notifications.Booked(db, notice));

        await site.DispatchUntilIdleAsync();

        var note = Assert.Single(smtp.Messages, m => m.To.Mailboxes.Any(a => a.Address == "diary@hemelmassage.example"));
        Assert.Contains("Ann Client", note.TextBody, StringComparison.Ordinal);
        Assert.Contains("ann@example.com", note.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(notice.ManageUrl!, note.TextBody + note.HtmlBody, StringComparison.Ordinal);
        Assert.Equal(2, smtp.Messages.Count);
    }

    [Fact]
    public async Task Whatever_a_client_types_as_their_name_reaches_the_html_as_text_not_markup()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        var notice = Notices.Booking(name: "<script>alert(1)</script> & <b>Bob</b>");
        site.Notify((notifications, db) => notifications.Booked(db, notice));

        await site.DispatchUntilIdleAsync();

        var html = smtp.Messages.First(m => m.To.Mailboxes.Any(a => a.Address == "ann@example.com")).HtmlBody;
        Assert.DoesNotContain("<script>", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>Bob", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Bob&lt;/b&gt;", html, StringComparison.Ordinal);
    }

    internal static string Ics(MimeMessage message) =>
        message.BodyParts.OfType<TextPart>().Single(p => p.ContentType.IsMimeType("text", "calendar")).Text;
}
