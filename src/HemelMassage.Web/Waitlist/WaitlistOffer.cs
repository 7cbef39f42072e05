using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// One freed hour offered to one entry, held for them alone until <see cref="HeldUntilUtc"/>. The database
/// keeps the two promises itself: one live hold per therapist's hour (a unique index over the offered rows)
/// and never the same hour offered to one entry twice (a unique index over every row).
/// </summary>
public sealed class WaitlistOffer : IChangesAvailability
{
    public int Id { get; set; }
    public int EntryId { get; set; }
    public WaitlistEntry? Entry { get; set; }
    public int TherapistId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime OfferedAtUtc { get; set; }
    /// <summary><see cref="HoldClock.HeldUntil"/>: the hold counted in the clinic's waking hours.</summary>
    public DateTime HeldUntilUtc { get; set; }
    public OfferState State { get; set; } = OfferState.Offered;
    public DateTime? EndedAtUtc { get; set; }
    /// <summary>The hash of the token in the offer email's claim link.</summary>
    public required string ClaimTokenHash { get; set; }
    /// <summary>The staff member who offered it by hand; null when the waitlist offered it.</summary>
    public string? OfferedBy { get; set; }
    public int? BookingId { get; set; }

    public bool IsHeldAt(DateTime nowUtc) => State == OfferState.Offered && HeldUntilUtc > nowUtc;
}

/// <summary>Stored as numbers; the live-hold index names <see cref="Offered"/> (1).</summary>
public enum OfferState
{
    Offered = 1,
    Claimed = 2,
    Declined = 3,
    Expired = 4,
    /// <summary>Ended early: the entry claimed another hour, left or was removed, or staff took the hour back.</summary>
    Withdrawn = 5,
}
