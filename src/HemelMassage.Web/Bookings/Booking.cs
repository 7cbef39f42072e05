using HemelMassage.Web.Clients;
using HemelMassage.Web.Therapists;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// A booked hour (stored in the Appointments table, its name before the code said "booking" everywhere).
/// Rows are never deleted: cancelling changes <see cref="Status"/>.
/// </summary>
public sealed class Booking
{
    public int Id { get; set; }
    /// <summary>Short human reference, e.g. HM-7K3Q9P, for the phone and the email subject.</summary>
    public required string Reference { get; set; }
    public int TherapistId { get; set; }
    public Therapist? Therapist { get; set; }
    public int TreatmentId { get; set; }
    public Treatments.Treatment? Treatment { get; set; }
    public int ClientId { get; set; }
    public Client? Client { get; set; }
    public DateTime StartUtc { get; set; }
    /// <summary>Always <see cref="TreatmentLength.EndOf"/> the start; the database checks it too.</summary>
    public DateTime EndUtc { get; set; }
    /// <summary>The treatment's price when the booking was made, so a later price change leaves past income as it was.</summary>
    public int PricePence { get; set; }
    public BookingStatus Status { get; set; } = BookingStatus.Booked;
    public bool FirstVisit { get; set; }
    public string? ClientNote { get; set; }
    /// <summary>No follow-up email after this visit. <see cref="Client.NoFollowUp"/> is the client's choice for every visit.</summary>
    public bool NoFollowUp { get; set; }
    /// <summary>
    /// Made online with an address that already had a client record, and not yet proven to come from that mailbox
    /// (the sign-in link or the booking's "this is mine" link). Until then it is kept apart from the record: not in
    /// the client's own page, its answers never offered back, nothing of the record shown to its maker.
    /// </summary>
    public bool AwaitsMailboxProof { get; set; }
    public required string IdempotencyKey { get; set; }
    public required string ManageTokenHash { get; set; }
    public Guid CalendarUid { get; set; }
    public int CalendarSequence { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    /// <summary>Raised on every change, so two staff edits cannot silently overwrite each other.</summary>
    public int Version { get; set; }
    public List<BookingChange> Changes { get; set; } = [];

    public void Move(DateTime startUtc)
    {
        StartUtc = startUtc;
        EndUtc = TreatmentLength.EndOf(startUtc);
    }
}

/// <summary>Stored as numbers; the overlap triggers and the partial index name the active ones (1, 3, 4).</summary>
public enum BookingStatus
{
    Booked = 1,
    Cancelled = 2,
    Arrived = 3,
    NoShow = 4,
    LateCancellation = 5,
}

/// <summary>History: who changed a booking, when, and what.</summary>
public sealed class BookingChange
{
    public int Id { get; set; }
    public int BookingId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string By { get; set; }
    public required string What { get; set; }
}
