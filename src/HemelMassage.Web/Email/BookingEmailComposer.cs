using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

/// <summary>
/// Writes each booking email from a <see cref="BookingNotice"/> alone. The notice carries no health
/// information and nothing here adds any: no notes, no questionnaire, no body map.
/// </summary>
public sealed class BookingEmailComposer(ClinicOptions clinic, EmailPolicy policy, BookingCalendar calendar, EmailHtmlRenderer html, EmailTextRenderer text)
{
    public ComposedEmail Confirmation(BookingNotice notice) => ToClient(EmailKind.Confirmation, notice, new EmailContent(
        $"Booking confirmed: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
        "Your booking is confirmed",
        [$"Dear {Name(notice)}, thank you for booking with us. We look forward to seeing you.",
         "Every treatment is a full hour and works the whole body, so please wear something comfortable and arrive five minutes early."],
        Details(notice), EmailSanitizer.WebLink(notice.ManageUrl), CalendarLinkBuilder.For(notice, clinic)),
        calendar.Invitation(notice));

    public ComposedEmail Rescheduled(BookingNotice notice, DateTime previousStartUtc) => ToClient(EmailKind.Rescheduled, notice, new EmailContent(
        $"Booking moved: now {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
        "Your booking has moved",
        [$"Dear {Name(notice)}, your booking has moved from {ClinicTime.Describe(previousStartUtc)} to the time below.",
         "The calendar invitation attached replaces the one we sent before."],
        Details(notice), EmailSanitizer.WebLink(notice.ManageUrl), CalendarLinkBuilder.For(notice, clinic)),
        calendar.Invitation(notice));

    public ComposedEmail Cancelled(BookingNotice notice, string? reason, bool byClinic)
    {
        var paragraphs = new List<string>
        {
            byClinic
                ? $"Dear {Name(notice)}, we are sorry: we have had to cancel your booking below."
                : $"Dear {Name(notice)}, your booking below is cancelled, as you asked.",
        };
        if (EmailSanitizer.SingleLine(reason) is { Length: > 0 } why)
        {
            paragraphs.Add("Reason: " + why);
        }
        paragraphs.Add($"We would be glad to see you another time: book online at {clinic.AbsoluteUrl("/book")} or phone {clinic.Phone}.");
        return ToClient(EmailKind.Cancelled, notice, new EmailContent(
            $"Booking cancelled: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
            "Your booking is cancelled",
            paragraphs, Details(notice), ShowVisitInformation: false),
            calendar.Cancellation(notice));
    }

    public ComposedEmail Reminder(BookingNotice notice) => ToClient(EmailKind.Reminder, notice, new EmailContent(
        $"See you tomorrow: {ClinicTime.Brief(notice.StartUtc)} at {clinic.Name}",
        "A reminder of your booking tomorrow",
        [$"Dear {Name(notice)}, this is a reminder of your treatment tomorrow."],
        Details(notice), EmailSanitizer.WebLink(notice.ManageUrl)),
        ics: null);

    /// <summary>To the clinic: who and when, never the client's manage link (it is the client's key).</summary>
    public ComposedEmail ClinicNewBooking(BookingNotice notice)
    {
        var content = new EmailContent(
            $"New booking {EmailSanitizer.SingleLine(notice.Reference)}: {ClinicTime.Brief(notice.StartUtc)}, {EmailSanitizer.SingleLine(notice.TherapistName)}",
            "New online booking",
            ["A client has booked online. The full booking is in the staff area."],
            [.. Details(notice), new("Client", Name(notice)), new("Email", EmailSanitizer.SingleLine(notice.ClientEmail))],
            ShowVisitInformation: false);
        return new ComposedEmail(EmailKind.ClinicNewBooking, policy.ClinicNotificationAddress, clinic.Name,
            content.Subject, text.Render(content), html.Render(content), Ics: null);
    }

    /// <summary>The day after: where they felt it, what else was worked and why, and what to read. Region names only.</summary>
    public ComposedEmail FollowUp(FollowUpNotice notice)
    {
        var name = EmailSanitizer.SingleLine(notice.ClientName);
        var paragraphs = new List<string> { $"Dear {name}, thank you for coming in on {ClinicTime.Describe(notice.StartUtc)}. We hope you are feeling easier today." };
        if (notice.Felt.Count > 0)
        {
            paragraphs.Add($"You came to us for your {Sentence(notice.Felt)}." +
                (notice.WorkedAsFelt.Count > 0 ? $" We worked your {Sentence(notice.WorkedAsFelt)}." : ""));
        }
        if (notice.AlsoWorked.Count > 0)
        {
            var areas = notice.AlsoWorked.SelectMany(r => r.Areas).ToList();
            paragraphs.Add((notice.Felt.Count > 0 ? "We also worked your " : "We worked your ") + Sentence(areas) +
                ", because the body is all connected and the cause of the pain may not be where you feel it:");
            paragraphs.AddRange(notice.AlsoWorked.Select(r => $"{Capital(Sentence(r.Areas))}: {r.Why}"));
        }
        paragraphs.Add($"Don't want these emails after a visit? Use the link in your booking confirmation, tick \"No follow-up email\" when you next book, or phone us on {clinic.Phone}.");
        if (notice.Articles.Count > 0)
        {
            paragraphs.Add("If you would like to read more about why:");
        }
        var content = new EmailContent(
            $"After your treatment at {clinic.Name}", "How are you feeling?", paragraphs, [], ShowVisitInformation: false,
            Links: notice.Articles);
        return new ComposedEmail(EmailKind.FollowUp, notice.ClientEmail.Trim(), name, content.Subject, text.Render(content), html.Render(content), Ics: null);
    }

    private static string Sentence(IReadOnlyList<string> items)
    {
        var lower = items.Select(i => char.ToLowerInvariant(i[0]) + i[1..]).ToList();
        return lower.Count <= 1 ? string.Concat(lower) : string.Join(", ", lower[..^1]) + " and " + lower[^1];
    }

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>To the clinic: a booking whose health answers need a word first. Which booking only; the answers stay in the staff area.</summary>
    public ComposedEmail ClinicNeedsConversation(BookingNotice notice)
    {
        var content = new EmailContent(
            $"Please talk to the client first: {EmailSanitizer.SingleLine(notice.Reference)}, {ClinicTime.Brief(notice.StartUtc)}",
            "A booking needs a conversation before the treatment",
            ["One of the client's health answers needs a conversation before the treatment. The booking stands.",
             "The therapist and the Owner can read the answers on the booking in the staff area."],
            [.. Details(notice)],
            ShowVisitInformation: false);
        return new ComposedEmail(EmailKind.ClinicNeedsConversation, policy.ClinicNotificationAddress, clinic.Name,
            content.Subject, text.Render(content), html.Render(content), Ics: null);
    }

    private ComposedEmail ToClient(EmailKind kind, BookingNotice notice, EmailContent content, string? ics)
    {
        if (content.ShowVisitInformation)
        {
            content = content with
            {
                ChangeRule = policy.ChangeRule(notice.StartUtc),
                ManageText = policy.CanChangeOnline(notice.StartUtc) ? content.ManageText : "View your booking",
            };
        }
        return new(kind, notice.ClientEmail.Trim(), Name(notice), content.Subject, text.Render(content), html.Render(content), ics);
    }

    private static string Name(BookingNotice notice) => EmailSanitizer.SingleLine(notice.ClientName);

    private static List<EmailDetail> Details(BookingNotice notice) =>
    [
        new("When", ClinicTime.Describe(notice.StartUtc) + $" ({(notice.EndUtc - notice.StartUtc).TotalMinutes:0} minutes)"),
        new("Treatment", EmailSanitizer.SingleLine(notice.TreatmentName)),
        new("Therapist", EmailSanitizer.SingleLine(notice.TherapistName)),
        new("Reference", EmailSanitizer.SingleLine(notice.Reference)),
    ];
}
