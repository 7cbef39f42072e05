using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Email;

/// <summary>Queues the invitation with its set-password link in the outbox; the Owner still sees the link, in case mail is slow.</summary>
public sealed class StaffInvitationEmail(ClinicDbContext db, ClinicOptions clinic, EmailPolicy policy, EmailTemplates templates, OutboxSecrets secrets, TimeProvider time)
{
    public async Task QueueAsync(string email, string name, string role, string link, CancellationToken cancellationToken = default)
    {
        var subject = $"Your {clinic.Name} staff account";
        var who = EmailSanitizer.SingleLine(name);
        var (html, text) = templates.Render<StaffInvitation, StaffInvitationModel>(subject, new(who, EmailSanitizer.SingleLine(role), link));
        var composed = new ComposedEmail(EmailKind.StaffInvitation, email.Trim(), who, subject, text, html, Ics: null);
        db.OutboxMessages.Add(secrets.Seal(OutboxRows.Create(composed, bookingId: null, reminderKey: null, policy, time), OutboxSecrets.TokenOf(link)));
        await db.SaveChangesAsync(cancellationToken);
    }
}
