using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Email;

/// <summary>
/// The emails come from Razor templates: the text part must read as a person would write it, and whatever
/// anyone typed must come back exactly in the text part and only as text in the HTML, in every kind of email.
/// </summary>
public sealed class EmailTemplateTests
{
    private const string Typed = "<b>Zoë</b> & \"O'Brien\" <br> &lt;i&gt;";

    [Fact]
    public void The_confirmations_text_part_reads_line_by_line_with_no_markup()
    {
        using var site = new EmailSite(null);
        var notice = Notices.Booking();
        var links = CalendarLinkBuilder.For(notice, site.Factory.Services.GetRequiredService<ClinicOptions>());

        var email = site.Factory.Services.GetRequiredService<BookingEmailComposer>().Confirmation(notice);

        Assert.Equal($"""
            Your booking is confirmed

            Dear Ann Client, thank you for booking with us. We look forward to seeing you.

            Every treatment is a full hour and works the whole body, so please wear something comfortable and arrive five minutes early.

            When: Wednesday 2 December 2026 at 10:00 (60 minutes)
            Treatment: Sports and remedial massage
            Therapist: Sam Therapist
            Reference: HM-00007

            View, move or cancel your booking:
            http://localhost:5065/booking/tok7secret

            Add it to Google Calendar:
            {links.Google}
            Add it to Outlook:
            {links.Outlook}

            FINDING US
            Hemel Massage
            12 Example Road (demo address)
            Hemel Hempstead
            Hertfordshire
            HP1 1AA
            Five minutes' walk from the town centre; free parking behind the building.

            CHANGING OR CANCELLING
            You can move or cancel this booking online until Tuesday 1 December 2026 at 10:00 (24 hours before it starts). After that, please phone us on 01442 000000.

            -- 
            Hemel Massage
            01442 000000
            http://localhost:5065/

            """.ReplaceLineEndings("\n"), email.TextBody);
    }

    [Fact]
    public async Task Whatever_was_typed_comes_back_exactly_in_every_text_part_and_only_as_text_in_every_html_part()
    {
        using var site = new EmailSite(null);
        var composer = site.Factory.Services.GetRequiredService<BookingEmailComposer>();
        var mailbox = site.Factory.Services.GetRequiredService<MailboxLinkComposer>();
        var notice = Notices.Booking(name: Typed) with { TherapistName = Typed };
        using (var scope = site.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffInvitationEmail>().QueueAsync("bob@example.com", Typed, "Reception", "http://localhost:5065/admin/set-password?a=1&b=2");
        }
        var invitation = site.Rows().Single();

        var emails = new List<(string Kind, string Text, string Html)>
        {
            Parts(composer.Confirmation(notice)),
            Parts(composer.Rescheduled(notice with { CalendarSequence = 1 }, notice.StartUtc.AddDays(-1))),
            Parts(composer.Cancelled(notice, Typed, byClinic: true)),
            Parts(composer.Reminder(notice)),
            Parts(composer.ClinicNewBooking(notice)),
            Parts(composer.ClinicNeedsConversation(notice)),
            Parts(composer.FollowUp(new FollowUpNotice(7, Typed, "ann@example.com", notice.StartUtc, ["Lower back"],
                [new FollowUpReason(["Calves"], Typed)], ["Lower back"], [new EmailLink(Typed, "https://localhost/articles/calves?a=1&b=2")]))),
            Parts(mailbox.Compose(new MailboxLinkNotice("ann@example.com", Typed, MailboxLinkPurpose.ConfirmBooking,
                "http://localhost:5065/booking/email/tok", notice.StartUtc, "Deep tissue massage, " + Typed))),
            (invitation.Kind.ToString(), invitation.TextBody, invitation.HtmlBody),
        };

        Assert.All(emails, email =>
        {
            Assert.True(email.Text.Contains(Typed, StringComparison.Ordinal), $"{email.Kind}: the text part lost or encoded what was typed");
            Assert.True(email.Html.Contains("&lt;b&gt;Zoë&lt;/b&gt; &amp; &quot;O&#x27;Brien&quot; &lt;br&gt; &amp;lt;i&amp;gt;", StringComparison.Ordinal),
                $"{email.Kind}: the HTML part does not show what was typed as text");
            Assert.False(email.Html.Contains("<b>Zo", StringComparison.Ordinal), $"{email.Kind}: what was typed became markup");
            Assert.DoesNotMatch("<(p|br|td|tr|table|h1|h2|a|ul|li)[ >]", email.Text.Replace(Typed, "", StringComparison.Ordinal));
            Assert.DoesNotMatch("&(amp|lt|gt|quot|#)", email.Text.Replace(Typed, "", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void A_line_break_typed_into_a_name_or_reason_adds_no_line_to_the_text_part()
    {
        using var site = new EmailSite(null);
        var composer = site.Factory.Services.GetRequiredService<BookingEmailComposer>();
        var notice = Notices.Booking(name: "Ann\r\nFINDING US\nBcc: x@example.org");

        var email = composer.Cancelled(notice, "Unwell\r\n\r\nPhone 0900 000 000", byClinic: true);

        var lines = email.TextBody.Split('\n');
        Assert.DoesNotContain("Bcc: x@example.org", lines);
        Assert.DoesNotContain("Phone 0900 000 000", lines);
        Assert.Contains(lines, l => l.StartsWith("Dear Ann", StringComparison.Ordinal) && l.Contains("Bcc: x@example.org", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("A message from the clinic: Unwell", StringComparison.Ordinal) && l.EndsWith("Phone 0900 000 000", StringComparison.Ordinal));
    }

    private static (string Kind, string Text, string Html) Parts(ComposedEmail email) => (email.Kind.ToString(), email.TextBody, email.HtmlBody);
}
