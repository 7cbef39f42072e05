using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email.Templates;

/// <summary>
/// What an email may say about a booking. Every value a client or staff member typed is made one line of
/// plain text here, once, so no template can forget it; the templates' encoding keeps it from becoming markup.
/// </summary>
/// <param name="ManageUrl">The client's manage link, or null: never set on the clinic's copies (it is the client's key).</param>
/// <param name="ChangeRule">Until when it can be changed online, or that only a phone call changes it now.</param>
public sealed record BookingFacts(
    string ClientName, string When, string Treatment, string Therapist, string Reference,
    string? ManageUrl, CalendarLinks CalendarLinks, bool CanChangeOnline, string ChangeRule)
{
    public static BookingFacts ForClient(BookingNotice notice, ClinicOptions clinic, EmailPolicy policy) =>
        new(EmailSanitizer.SingleLine(notice.ClientName),
            ClinicTime.Describe(notice.StartUtc) + $" ({(notice.EndUtc - notice.StartUtc).TotalMinutes:0} minutes)",
            EmailSanitizer.SingleLine(notice.TreatmentName),
            EmailSanitizer.SingleLine(notice.TherapistName),
            EmailSanitizer.SingleLine(notice.Reference),
            EmailSanitizer.WebLink(notice.ManageUrl),
            CalendarLinkBuilder.For(notice, clinic),
            policy.CanChangeOnline(notice.StartUtc),
            policy.ChangeRule(notice.StartUtc))
        {
            ByPhone = notice.BookedByStaff is not null,
            ProveUrl = EmailSanitizer.WebLink(notice.ProveUrl),
        };

    /// <summary>The clinic took the booking (by phone or at the desk), not the client online.</summary>
    public bool ByPhone { get; init; }

    /// <summary>The "this booking is mine" link (<see cref="BookingNotice.ProveUrl"/>), or null.</summary>
    public string? ProveUrl { get; init; }

    public static BookingFacts ForClinic(BookingNotice notice, ClinicOptions clinic, EmailPolicy policy) =>
        ForClient(notice, clinic, policy) with { ManageUrl = null, ProveUrl = null };
}

public sealed record RescheduledModel(BookingFacts Booking, string PreviousWhen);

/// <param name="Message">The clinic's message to the client, one line, or null.</param>
public sealed record CancelledModel(BookingFacts Booking, bool ByClinic, string? Message);

/// <param name="BookedBy">The member of staff who took it by phone; null when the client booked online.</param>
public sealed record ClinicNewBookingModel(BookingFacts Booking, string ClientEmail, string? BookedBy);

/// <param name="Felt">Where the client felt it, as a phrase ("lower back and right hip"), or null.</param>
/// <param name="WorkedAsFelt">Those of the felt areas that were worked, or null.</param>
/// <param name="AlsoWorked">Every other area worked, as a phrase, or null; <paramref name="Reasons"/> say why, a sentence per group.</param>
public sealed record FollowUpModel(
    string ClientName, string Visit, string? Felt, string? WorkedAsFelt, string? AlsoWorked,
    IReadOnlyList<FollowUpWhy> Reasons, IReadOnlyList<EmailLink> Articles)
{
    public NextVisitWords? Next { get; init; }
}

/// <param name="Around">The planned date in words ("Monday 21 December").</param>
public sealed record NextVisitWords(string Plan, string Around, string Therapist, IReadOnlyList<EmailLink> Hours, string OtherTimes);

/// <param name="Areas">"Right hip flexor and left hamstrings", capitalised to open a sentence.</param>
public sealed record FollowUpWhy(string Areas, string Why);

public sealed record StaffInvitationModel(string Name, string Role, string Link);

/// <param name="Lifetime">How long the link works, in words ("1 hour").</param>
public sealed record EmailChangedModel(string Name);

public sealed record StaffPasswordLinkModel(string Name, string Link, string Lifetime, bool ByOwner);

/// <param name="Booking">The booking it is about, in words, or null.</param>
public sealed record MailboxLinkModel(string Name, MailboxLinkPurpose Purpose, string? Booking, string Url, string Until);
