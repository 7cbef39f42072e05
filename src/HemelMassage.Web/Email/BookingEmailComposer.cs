using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Email.Templates;

namespace HemelMassage.Web.Email;

/// <summary>
/// Writes each booking email from a <see cref="BookingNotice"/> alone: the subject here, the words in the
/// kind's template. The notice carries no health information and nothing here adds any: no notes, no
/// questionnaire, no body map.
/// </summary>
public sealed class BookingEmailComposer(ClinicOptions clinic, EmailPolicy policy, BookingCalendar calendar, EmailTemplates templates)
{
    public ComposedEmail Confirmation(BookingNotice notice) => ToClient<Confirmation, BookingFacts>(EmailKind.Confirmation, notice,
        $"Booking confirmed: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}", Facts(notice), calendar.Invitation(notice));

    public ComposedEmail Rescheduled(BookingNotice notice, DateTime previousStartUtc) => ToClient<Rescheduled, RescheduledModel>(EmailKind.Rescheduled, notice,
        $"Booking moved: now {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
        new(Facts(notice), ClinicTime.Describe(previousStartUtc)), calendar.Invitation(notice));

    /// <param name="message">The clinic's message to the client, or null.</param>
    public ComposedEmail Cancelled(BookingNotice notice, string? message, bool byClinic) => ToClient<Cancelled, CancelledModel>(EmailKind.Cancelled, notice,
        $"Booking cancelled: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
        new(Facts(notice) with { ManageUrl = null }, byClinic, EmailSanitizer.SingleLine(message) is { Length: > 0 } words ? words : null),
        calendar.Cancellation(notice));

    public ComposedEmail Reminder(BookingNotice notice) => ToClient<Reminder, BookingFacts>(EmailKind.Reminder, notice,
        $"See you tomorrow: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}", Facts(notice), ics: null);

    /// <summary>To the clinic: who and when, never the client's manage link (it is the client's key).</summary>
    public ComposedEmail ClinicNewBooking(BookingNotice notice) => ToClinic<ClinicNewBooking, ClinicNewBookingModel>(EmailKind.ClinicNewBooking,
        $"New booking {EmailSanitizer.SingleLine(notice.Reference)}: {ClinicTime.Brief(notice.StartUtc)}, {EmailSanitizer.SingleLine(notice.TherapistName)}",
        new(BookingFacts.ForClinic(notice, clinic, policy), EmailSanitizer.SingleLine(notice.ClientEmail),
            notice.BookedByStaff is { } by ? EmailSanitizer.SingleLine(by) : null));

    /// <summary>To the clinic: a booking whose health answers need a word first. Which booking only; the answers stay in the staff area.</summary>
    public ComposedEmail ClinicNeedsConversation(BookingNotice notice) => ToClinic<ClinicNeedsConversation, BookingFacts>(EmailKind.ClinicNeedsConversation,
        $"Please talk to the client first: {EmailSanitizer.SingleLine(notice.Reference)}, {ClinicTime.Brief(notice.StartUtc)}",
        BookingFacts.ForClinic(notice, clinic, policy));

    /// <summary>The day after: where they felt it, what else was worked and why, and what to read. Region names only.</summary>
    public ComposedEmail FollowUp(FollowUpNotice notice)
    {
        var name = EmailSanitizer.SingleLine(notice.ClientName);
        var model = new FollowUpModel(name, ClinicTime.Describe(notice.StartUtc),
            Phrase(notice.Felt), Phrase(notice.WorkedAsFelt), Phrase([.. notice.AlsoWorked.SelectMany(r => r.Areas)]),
            [.. notice.AlsoWorked.Select(r => new FollowUpWhy(Capital(Sentence(r.Areas)), r.Why))], notice.Articles)
        {
            Next = notice.NextVisit is { } next
                ? new NextVisitWords(next.Plan, ClinicTime.ToLocal(next.PlannedUtc).ToString("dddd d MMMM", System.Globalization.CultureInfo.GetCultureInfo("en-GB")),
                    EmailSanitizer.SingleLine(next.TherapistName), next.Hours, next.OtherTimes)
                : null,
        };
        var subject = $"After your treatment at {clinic.Name}";
        var (html, text) = templates.Render<FollowUp, FollowUpModel>(subject, model);
        return new ComposedEmail(EmailKind.FollowUp, notice.ClientEmail.Trim(), name, subject, text, html, Ics: null);
    }

    private static string? Phrase(IReadOnlyList<string> items) => items.Count == 0 ? null : Sentence(items);

    private static string Sentence(IReadOnlyList<string> items)
    {
        var lower = items.Select(i => char.ToLowerInvariant(i[0]) + i[1..]).ToList();
        return lower.Count <= 1 ? string.Concat(lower) : string.Join(", ", lower[..^1]) + " and " + lower[^1];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private BookingFacts Facts(BookingNotice notice) => BookingFacts.ForClient(notice, clinic, policy);

    private ComposedEmail ToClient<TTemplate, TModel>(EmailKind kind, BookingNotice notice, string subject, TModel model, string? ics)
        where TTemplate : EmailTemplate<TModel>
    {
        var (html, text) = templates.Render<TTemplate, TModel>(subject, model);
        return new(kind, notice.ClientEmail.Trim(), EmailSanitizer.SingleLine(notice.ClientName), subject, text, html, ics);
    }

    private ComposedEmail ToClinic<TTemplate, TModel>(EmailKind kind, string subject, TModel model) where TTemplate : EmailTemplate<TModel>
    {
        var (html, text) = templates.Render<TTemplate, TModel>(subject, model);
        return new(kind, policy.ClinicNotificationAddress, clinic.Name, subject, text, html, Ics: null);
    }
}
