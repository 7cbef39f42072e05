using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Email;

/// <summary>The email that proves a mailbox (template <c>Templates/MailboxLink.razor</c>).</summary>
public sealed class MailboxLinkComposer(ClinicOptions clinic, EmailTemplates templates)
{
    public ComposedEmail Compose(MailboxLinkNotice notice)
    {
        var name = EmailSanitizer.SingleLine(notice.Name);
        var subject = notice.Purpose switch
        {
            MailboxLinkPurpose.ConfirmBooking => $"Please confirm your booking at {clinic.Name}",
            MailboxLinkPurpose.SignIn => $"Your sign-in link for {clinic.Name}",
            MailboxLinkPurpose.ChangeEmail => $"Confirm your new email address for {clinic.Name}",
            MailboxLinkPurpose.WithdrawHealthConsent => $"Withdraw your health consent at {clinic.Name}",
            _ => $"Stop follow-up emails from {clinic.Name}",
        };
        var booking = notice.Booking is null ? null : EmailSanitizer.SingleLine(notice.Booking);
        var (html, text) = templates.Render<Templates.MailboxLink, MailboxLinkModel>(subject,
            new(name, notice.Purpose, booking, notice.Url, ClinicTime.Describe(notice.ExpiresAtUtc)));
        return new ComposedEmail(EmailKind.MailboxLink, notice.Email.Trim(), name, subject, text, html, Ics: null);
    }
}
