using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>Queues the invitation with its set-password link in the outbox; the Owner still sees the link, in case mail is slow.</summary>
public sealed class StaffInvitationEmail(ClinicDbContext db, ClinicOptions clinic, EmailPolicy policy, EmailHtmlRenderer html, EmailTextRenderer text, TimeProvider time)
{
    public async Task QueueAsync(string email, string name, string role, string link, CancellationToken cancellationToken = default)
    {
        var content = new EmailContent(
            $"Your {clinic.Name} staff account",
            $"Welcome, {EmailSanitizer.SingleLine(name)}",
            [$"You have been invited to the {clinic.Name} staff area as {role}.",
             "Open the link below to choose your password. It works once and expires in a few days. If you did not expect this email, ignore it."],
            [new EmailDetail("Set your password", link)],
            ShowVisitInformation: false);
        var composed = new ComposedEmail(EmailKind.StaffInvitation, email.Trim(), EmailSanitizer.SingleLine(name), content.Subject,
            text.Render(content), html.Render(content), Ics: null);
        db.OutboxMessages.Add(OutboxRows.Create(composed, bookingId: null, reminderKey: null, policy, time));
        await db.SaveChangesAsync(cancellationToken);
    }
}
