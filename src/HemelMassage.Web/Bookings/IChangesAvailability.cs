namespace HemelMassage.Web.Bookings;

/// <summary>
/// An entity whose saved changes change what the times pages may show (besides <see cref="Booking"/>), so
/// <see cref="AvailabilityChangeInterceptor"/> evicts them after it too: a waitlist hold, for one.
/// </summary>
public interface IChangesAvailability;
