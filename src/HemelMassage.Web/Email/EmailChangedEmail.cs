using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Email;

/// <summary>Adds the notice to a client's old address that their address was changed; the caller's save writes it with the change.</summary>
public sealed class EmailChangedEmail(ClinicDbContext db, ClinicOptions clinic, EmailPolicy policy, EmailTemplates templates, TimeProvider time)
{
    public void Add(string oldEmail, string name)
    {
        var subject = $"Your email address at {clinic.Name} was changed";
        var who = EmailSanitizer.SingleLine(name);
        var (html, text) = templates.Render<EmailChanged, EmailChangedModel>(subject, new(who));
        db.OutboxMessages.Add(OutboxRows.Create(new ComposedEmail(EmailKind.EmailChanged, oldEmail.Trim(), who, subject, text, html, Ics: null),
            bookingId: null, reminderKey: null, policy, time));
    }
}
