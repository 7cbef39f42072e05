namespace HemelMassage.Web.Bookings;

public sealed record BookStartView(IReadOnlyList<TreatmentChoice> Treatments, string? Selected, bool ShortRequest, bool Unknown);

/// <param name="Pending">The booking in progress, when the client came back to change therapist: it goes on to the times.</param>
public sealed record TherapistPickView(TreatmentChoice Treatment, IReadOnlyList<TherapistSchedule> Therapists, string? Selected, string? Pending = null);

/// <summary>The date and time step: upcoming dates with free times, and the chosen day's times.</summary>
public sealed record TimesView(
    TreatmentChoice Treatment, string Therapist, string TherapistLabel, Schedule Schedule,
    IReadOnlyList<DateOnly> Dates, DateOnly? Date, IReadOnlyList<Slot> Times,
    string? Problem, string? Pending, string? Chosen, string FormAction, string DateAction)
{
    /// <summary>False where the page is output-cached for every visitor; its POST checks the origin instead.</summary>
    public bool AntiforgeryToken { get; init; } = true;

    /// <summary>The earliest free hour of all, for the "next free time" jump.</summary>
    public Slot? NextFree { get; init; }
}

/// <summary>What the client chose so far, as shown on the details, review and confirmation pages.</summary>
/// <param name="ByPhoneOnly">The hour is inside the cancellation cut-off: once booked, only a phone call changes it.</param>
public sealed record BookingSummary(string Key, string Treatment, string Price, string Therapist, string When, string ChangeTimeUrl, bool ByPhoneOnly = false);

public sealed record DetailsView(BookingSummary Summary, DetailsForm Form);

/// <param name="Email">Where the confirmation (and its manage link) is sent.</param>
/// <param name="ChangeOnlineUntilUtc">Until when the booking may be changed online; null when it is already inside the cut-off.</param>
public sealed record ConfirmationView(string Reference, string Treatment, string Therapist, string When, string? ManageUrl, string CalendarUrl,
    string Email, DateTime? ChangeOnlineUntilUtc);

public sealed record ManageView(string Token, string Reference, string Treatment, string Therapist, string When, bool CanChange, string? Message)
{
    /// <summary>The visit has been (or its hour has passed): nothing to change, but the privacy choices still stand.</summary>
    public bool Past { get; init; }
}

/// <summary>A cancelled booking, named, with a way to book the same again.</summary>
public sealed record CancelledView(string Reference, string Treatment, string Therapist, string When, string BookAgainUrl)
{
    public static CancelledView Of(Appointment appointment, SlotText text) => new(
        appointment.Reference, appointment.Treatment!.Name, appointment.Therapist!.Name, text.Range(appointment.StartUtc),
        $"/book/times?treatment={appointment.Treatment.Slug}&therapist={TherapistChoice.Format(appointment.TherapistId)}");
}

/// <summary>The booking waits for the client to open the link sent to their address.</summary>
public sealed record EmailSentView(string MaskedEmail, string HeldUntil, int Cap, bool Sent);

public enum MailboxLinkState
{
    Live,
    Used,
    Expired,
    /// <summary>The hour of the booking it would confirm has been taken meanwhile.</summary>
    Taken,
}

/// <param name="Booking">The booking in progress a confirm link is for, in words.</param>
public sealed record MailboxLinkView(string Token, MailboxLinkPurpose Purpose, MailboxLinkState State, string? Booking);

/// <summary>The manage page's "Choose another time": the booking as it stands, and the free times.</summary>
public sealed record RescheduleView(string Token, string Current, TimesView Times);
