using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Bookings;

/// <summary>A booking as the emails hear of it: the one place a <see cref="BookingNotice"/> is made, whoever changed the booking.</summary>
public sealed class BookingNotices(ClinicOptions clinic)
{
    /// <param name="manageToken">The raw token when it is at hand (it is stored only hashed), so the email can carry the link.</param>
    public BookingNotice Of(Booking a, Schedule schedule, string? manageToken) => new(
        a.Id, a.Reference, a.Client!.Name, a.Client.Email,
        schedule.Treatment(a.TreatmentId)?.Name ?? "Massage", schedule.Therapist(a.TherapistId)?.Name ?? "your therapist",
        a.StartUtc, a.EndUtc,
        manageToken is null ? null : clinic.AbsoluteUrl("/booking/" + manageToken),
        a.CalendarUid, a.CalendarSequence);
}
