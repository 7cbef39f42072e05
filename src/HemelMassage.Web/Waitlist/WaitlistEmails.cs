using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// The waitlist's emails (templates <c>Email/Templates/Waitlist*.razor</c>) as outbox rows on the caller's context,
/// so they commit with the change that causes them. Link tokens are sealed out of the stored rows.
/// </summary>
public sealed class WaitlistEmails(ClinicOptions clinic, EmailTemplates templates, EmailPolicy policy, OutboxSecrets secrets, HoldClock hold, TimeProvider time)
{
    /// <summary>The key of an offer's email: the dispatcher asks <see cref="WaitlistOfferCheck"/> before sending it.</summary>
    public static string OfferKey(int offerId) => $"waitlist-offer:{offerId}";

    public void Joined(ClinicDbContext db, WaitlistEntry entry, Schedule schedule, string leaveToken)
    {
        var url = clinic.AbsoluteUrl("/waitlist/leave/" + leaveToken);
        var subject = $"You are on the {clinic.Name} waitlist";
        var (html, text) = templates.Render<WaitlistJoined, WaitlistJoinedModel>(subject, new(
            Line(entry.Name), Line(WaitlistWishes.Wanted(schedule, entry.TreatmentId, entry.TherapistId)), WaitlistWishes.When(entry),
            hold.HoldText, hold.WakingText, url));
        Add(db, new ComposedEmail(EmailKind.WaitlistJoined, entry.Email, Line(entry.Name), subject, text, html, null), null, leaveToken);
    }

    public void Offered(ClinicDbContext db, WaitlistEntry entry, WaitlistOffer offer, Schedule schedule, string claimToken)
    {
        var url = clinic.AbsoluteUrl("/waitlist/offer/" + claimToken);
        var subject = $"An hour is free for you: {ClinicTime.Brief(offer.StartUtc)}";
        var (html, text) = templates.Render<WaitlistHourOffered, WaitlistOfferModel>(subject, new(
            Line(entry.Name), ClinicTime.Describe(offer.StartUtc), Line(WaitlistWishes.Wanted(schedule, entry.TreatmentId, offer.TherapistId)),
            ClinicTime.Describe(offer.HeldUntilUtc), hold.HoldText, hold.WakingText, url));
        Add(db, new ComposedEmail(EmailKind.WaitlistOffer, entry.Email, Line(entry.Name), subject, text, html, null), OfferKey(offer.Id), claimToken);
    }

    public void Expired(ClinicDbContext db, WaitlistEntry entry, WaitlistOffer offer)
    {
        var subject = $"The hour we held for you has gone: {ClinicTime.Brief(offer.StartUtc)}";
        var (html, text) = templates.Render<WaitlistHoldEnded, WaitlistExpiredModel>(subject, new(
            Line(entry.Name), ClinicTime.Describe(offer.StartUtc), WaitlistWishes.LastDay(entry)));
        Add(db, new ComposedEmail(EmailKind.WaitlistExpired, entry.Email, Line(entry.Name), subject, text, html, null), null, null);
    }

    /// <summary>Staff took the entry off the list and chose to tell the client (their reason stays in the audit log).</summary>
    public void Removed(ClinicDbContext db, WaitlistEntry entry, Schedule schedule)
    {
        var subject = $"You are no longer on the {clinic.Name} waitlist";
        var (html, text) = templates.Render<WaitlistRemoved, WaitlistRemovedModel>(subject, new(
            Line(entry.Name), Line(WaitlistWishes.Wanted(schedule, entry.TreatmentId, entry.TherapistId)), WaitlistWishes.When(entry)));
        Add(db, new ComposedEmail(EmailKind.WaitlistRemoved, entry.Email, Line(entry.Name), subject, text, html, null), null, null);
    }

    private void Add(ClinicDbContext db, ComposedEmail email, string? key, string? token) =>
        db.OutboxMessages.Add(secrets.Seal(OutboxRows.Create(email, bookingId: null, reminderKey: key, policy, time), token));

    private static string Line(string value) => EmailSanitizer.SingleLine(value);
}
