using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Email;

/// <summary>Adds the email with a link to choose a new password to the outbox; the caller's save writes it with its audit entry.</summary>
public sealed class StaffPasswordLinkEmail(ClinicDbContext db, ClinicOptions clinic, EmailPolicy policy, EmailTemplates templates, OutboxSecrets secrets, TimeProvider time)
{
    public void Add(string email, string name, string link, TimeSpan lifetime, bool byOwner)
    {
        var subject = $"Choose a new password for the {clinic.Name} staff area";
        var who = EmailSanitizer.SingleLine(name);
        var (html, text) = templates.Render<StaffPasswordLink, StaffPasswordLinkModel>(subject,
            new(who, link, Bookings.Durations.Say(lifetime), byOwner));
        var composed = new ComposedEmail(EmailKind.StaffPasswordLink, email.Trim(), who, subject, text, html, Ics: null);
        db.OutboxMessages.Add(secrets.Seal(OutboxRows.Create(composed, bookingId: null, reminderKey: null, policy, time), OutboxSecrets.TokenOf(link)));
    }
}
