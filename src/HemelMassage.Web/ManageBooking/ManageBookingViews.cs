using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.ManageBooking;

public sealed record ManageView(string Token, string Reference, string Treatment, string Therapist, string When, bool CanChange, string? Message)
{
    /// <summary>Where this booking's pages are: its emailed link, or the signed-in client's own page.</summary>
    public string Base { get => field ?? "/booking/" + Token; init; }

    /// <summary>The visit has been (or its hour has passed): nothing to change, but the privacy choices still stand.</summary>
    public bool Past { get; init; }
}

/// <summary>A cancelled booking, named, with a way to book the same again.</summary>
public sealed record CancelledView(string Reference, string Treatment, string Therapist, string When, string BookAgainUrl)
{
    public static CancelledView Of(Booking booking, SlotText text) => new(
        booking.Reference, booking.Treatment!.Name, booking.Therapist!.Name, text.Range(booking.StartUtc),
        $"/book/times?treatment={booking.Treatment.Slug}&therapist={TherapistChoice.Format(booking.TherapistId)}");
}

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
/// <param name="Base">Where this booking's pages are: its emailed link (<c>/booking/{token}</c>) or the client's own page.</param>
public sealed record RescheduleView(string Base, string Current, TimesView Times);
