namespace HemelMassage.Web.Bookings;

/// <summary>A therapist's hour that has just become free.</summary>
public readonly record struct FreedHour(int TherapistId, DateTime StartUtc);

/// <summary>
/// Told whenever an hour becomes free, so someone waiting for it hears (the waitlist implements it). The booking
/// feature only says which hours; it never learns who was offered them.
/// </summary>
public interface IFreedHours
{
    /// <summary>Inside the booking write's own transaction, after its changes are saved: a cancelled, moved or late-cancelled booking's hour.</summary>
    Task OfferAsync(IReadOnlyCollection<FreedHour> hours, CancellationToken cancellationToken);

    /// <summary>In a write transaction of its own: every hour free now between the two instants (time off removed, a closure lifted); all therapists when none is named.</summary>
    Task OfferFreeBetweenAsync(int? therapistId, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
