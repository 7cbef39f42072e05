namespace HemelMassage.Web.Bookings;

/// <summary>
/// Every treatment at the clinic is one hour of full-body massage. This is the only place
/// that says so: an end time is always a start plus <see cref="Duration"/>.
/// </summary>
public static class TreatmentLength
{
    public const int Minutes = 60;

    public static readonly TimeSpan Duration = TimeSpan.FromMinutes(Minutes);

    public static DateTime EndOf(DateTime startUtc) => startUtc + Duration;
}
