namespace HemelMassage.Web.Book;

/// <summary>
/// A booking being filled in, kept on the server so personal details never travel in URLs.
/// Its random <see cref="Key"/> is the only thing in the address bar, and it is the idempotency key
/// of the confirm POST. Rows expire and are purged.
/// </summary>
public sealed class PendingBooking
{
    public required string Key { get; set; }
    public int TreatmentId { get; set; }
    /// <summary>Null means "no preference": a therapist is assigned when the booking is confirmed.</summary>
    public int? TherapistId { get; set; }
    public DateTime StartUtc { get; set; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public bool? FirstVisit { get; set; }
    public string? Note { get; set; }
    public bool AcceptedPolicy { get; set; }
    /// <summary>Space-separated body-map codes: where the client feels it.</summary>
    public string? Regions { get; set; }
    /// <summary>When the client gave the separate health-data consent; null means none, and no health answer is kept.</summary>
    public DateTime? HealthConsentAtUtc { get; set; }
    /// <summary>A returning client said nothing has changed since last time.</summary>
    public bool HealthUnchanged { get; set; }
    /// <summary>Encrypted <see cref="Intake.HealthAnswers"/>, only with consent.</summary>
    public string? ProtectedAnswers { get; set; }
    public bool NeedsConversation { get; set; }
    public bool NoFollowUp { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public int? BookingId { get; set; }
    /// <summary>Hash of the secret in the booking cookie of the browser that started it (<see cref="BookingBrowser"/>).</summary>
    public string? BrowserHash { get; set; }
    /// <summary>The details passed every check when saved; false while they are only kept as typed (e.g. on "Change time").</summary>
    public bool DetailsChecked { get; set; }

    public bool HasDetails => DetailsChecked && Name is not null && Email is not null && Phone is not null && FirstVisit is not null && AcceptedPolicy;
}
