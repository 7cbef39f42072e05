using HemelMassage.Web.Clients;
using HemelMassage.Web.Diary;
using HemelMassage.Web.PhoneBooking;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// A booking taken by phone or at the desk. Staff may break the notice, window, grid, hours and closure
/// rules once they tick each one (the form names them), never the overlap rule. The client picked (or
/// found by email) has their record updated with the details given, audited. The form's key makes a
/// second press of "Book" find the first booking.
/// </summary>
public sealed class PhoneBookings(ClinicDbContext db, StaffViewer viewer, StaffSlotRules rules, ClientContacts contacts, BookingWrites writes)
{
    public Task<DeskResult> BookAsync(PhoneBookingForm form, CancellationToken cancellationToken)
    {
        var key = Secrets.LooksLikeToken(form.Key) ? form.Key : Secrets.NewToken();
        return writes.RunAsync(async () =>
        {
            if (await db.Bookings.Where(a => a.IdempotencyKey == key).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken) is int done)
            {
                return DeskResult.Done(done, "Booked.");
            }
            if (!await db.Treatments.AnyAsync(t => t.Id == form.TreatmentId, cancellationToken))
            {
                return DeskResult.Refused(nameof(form.TreatmentId), "Choose a treatment from the list.");
            }
            if (form.ClientId is int picked && !await db.Clients.AnyAsync(c => c.Id == picked, cancellationToken))
            {
                return DeskResult.Refused(nameof(form.Name), "That client's record no longer exists (merged or erased): search for them again, or book them as a new client.");
            }
            if (form.ClientId is int clientId && await contacts.HolderOfEmailAsync(form.Email, clientId, cancellationToken) is string holder)
            {
                return DeskResult.Refused(nameof(form.Email), $"Another client record, {holder}, has that email address. Pick that client instead, or check the address.");
            }
            var (refusal, startUtc, _, overridden) = await rules.CheckEachAsync(form, form.TreatmentId!.Value, null, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            var created = await writes.CreateAsync(
                new NewBooking(key, form.TreatmentId.Value, form.TherapistId!.Value, startUtc, form.Name, form.Email ?? "", form.Phone, FirstVisit: null, form.Note, NoFollowUp: false, form.ClientId),
                Actor.StaffMember(viewer.Name), $"Booked by phone{overridden}", cancellationToken);
            return DeskResult.Done(created.Booking.Id, $"Booked {created.Booking.Reference}{overridden}.");
        }, _ => Task.FromResult(DeskResult.TimeTaken(nameof(form.Time), "Nothing was booked")), cancellationToken);
    }
}
