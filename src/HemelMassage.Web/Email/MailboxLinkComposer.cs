using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

/// <summary>
/// The email that proves a mailbox: it says what was asked and that ignoring it changes nothing, because
/// whoever asked may not be the owner of the address.
/// </summary>
public sealed class MailboxLinkComposer(ClinicOptions clinic, EmailHtmlRenderer html, EmailTextRenderer text)
{
    public ComposedEmail Compose(MailboxLinkNotice notice)
    {
        var name = EmailSanitizer.SingleLine(notice.Name);
        var until = ClinicTime.Describe(notice.ExpiresAtUtc);
        var (subject, heading, asked, button) = notice.Purpose switch
        {
            MailboxLinkPurpose.ConfirmBooking => (
                $"Please confirm your booking at {clinic.Name}", "Please confirm your booking",
                "Someone, we hope you, asked to book the treatment below with this email address. This address already has as many bookings to come as we take online without checking that it is yours, so we ask you to confirm this one.",
                "Confirm your booking"),
            MailboxLinkPurpose.WithdrawHealthConsent => (
                $"Withdraw your health consent at {clinic.Name}", "Withdraw your consent for every booking",
                "You asked, from one of your booking pages, to withdraw your consent for us to keep your health answers, and to delete the answers and body-map marks of every booking with us.",
                "Withdraw consent for every booking"),
            _ => (
                $"Stop follow-up emails from {clinic.Name}", "Stop follow-up emails after every visit",
                "You asked, from one of your booking pages, for no follow-up emails after any of your visits.",
                "Stop follow-up emails"),
        };
        var details = new List<EmailDetail>();
        if (notice.Booking is { } booking)
        {
            details.Add(new("Booking", EmailSanitizer.SingleLine(booking)));
        }
        details.Add(new(button, notice.Url));
        var content = new EmailContent(subject, heading,
            [$"Dear {name},", asked,
             $"Open the link below and press the button on the page. The link works once, until {until}.",
             $"If you did not ask for this, ignore this email: nothing changes. Questions? Phone us on {clinic.Phone}."],
            details, ShowVisitInformation: false);
        return new ComposedEmail(EmailKind.MailboxLink, notice.Email.Trim(), name, content.Subject, text.Render(content), html.Render(content), Ics: null);
    }
}
