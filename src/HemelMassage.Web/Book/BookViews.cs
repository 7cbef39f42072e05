using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Book;

public sealed record BookStartView(IReadOnlyList<TreatmentChoice> Treatments, string? Selected, bool ShortRequest, bool Unknown);

/// <param name="Pending">The booking in progress, when the client came back to change therapist: it goes on to the times.</param>
public sealed record TherapistPickView(TreatmentChoice Treatment, IReadOnlyList<TherapistSchedule> Therapists, string? Selected, string? Pending = null);

/// <summary>What the client chose so far, as shown on the details, review and confirmation pages.</summary>
/// <param name="ByPhoneOnly">The hour is inside the cancellation cut-off: once booked, only a phone call changes it.</param>
public sealed record BookingSummary(string Key, string Treatment, string Price, string Therapist, string When, string ChangeTimeUrl, bool ByPhoneOnly = false);

public sealed record DetailsView(BookingSummary Summary, DetailsForm Form);

/// <param name="Email">Where the confirmation (and its manage link) is sent.</param>
/// <param name="ChangeOnlineUntilUtc">Until when the booking may be changed online; null when it is already inside the cut-off.</param>
public sealed record ConfirmationView(string Reference, string Treatment, string Therapist, string When, string? ManageUrl, string CalendarUrl,
    string Email, DateTime? ChangeOnlineUntilUtc);

/// <summary>The booking waits for the client to open the link sent to their address.</summary>
public sealed record EmailSentView(string MaskedEmail, string HeldUntil, int Cap, bool Sent);
