using HemelMassage.Web.Clients;
using HemelMassage.Web.Diary;
using HemelMassage.Web.PhoneBooking;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// A booking taken by phone or at the desk. Staff may override the notice, grid and hours rules (the form
/// says so visibly), never the overlap rule. The form's key makes a second press of "Book" find the first booking.
/// </summary>
public sealed class PhoneBookings(
    ClinicDbContext db, StaffViewer viewer, StaffSlotRules rules, Availability availability, TimeProvider clock, BookingNotices notices,
    IBookingNotifications notifications, AuditLog audit, ILogger<PhoneBookings> logger)
{
    public async Task<DeskResult> BookAsync(PhoneBookingForm form, CancellationToken cancellationToken)
    {
        var key = Secrets.LooksLikeToken(form.Key) ? form.Key : Secrets.NewToken();
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            if (await db.Bookings.Where(a => a.IdempotencyKey == key).Select(a => (int?)a.Id).FirstOrDefaultAsync(cancellationToken) is int done)
            {
                return DeskResult.Done(done, "Booked.");
            }
            if (!await db.Treatments.AnyAsync(t => t.Id == form.TreatmentId, cancellationToken))
            {
                return DeskResult.Refused(nameof(form.TreatmentId), "Choose a treatment from the list.");
            }
            var (refusal, startUtc, overridden) = await rules.CheckAsync(form, form.TreatmentId!.Value, null, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            var email = form.Email.Trim().ToLowerInvariant();
            var existing = await db.Clients.FirstOrDefaultAsync(c => c.Email == email, cancellationToken);
            var client = existing ?? db.Clients.Add(new Client { Name = form.Name.Trim(), Email = email, Phone = form.Phone.Trim(), FirstVisit = true, CreatedAtUtc = now }).Entity;
            var token = Secrets.NewToken();
            var booking = new Booking
            {
                Reference = await UnusedReferenceAsync(cancellationToken),
                TherapistId = form.TherapistId!.Value,
                TreatmentId = form.TreatmentId.Value,
                Client = client,
                FirstVisit = existing is null,
                ClientNote = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim(),
                IdempotencyKey = key,
                ManageTokenHash = Secrets.Hash(token),
                CalendarUid = Guid.NewGuid(),
                CreatedAtUtc = now,
                UpdatedAtUtc = now,
            };
            booking.Move(startUtc);
            var what = $"Booked by phone{overridden}";
            booking.Changes.Add(new BookingChange { AtUtc = now, By = viewer.Name, What = what });
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(cancellationToken);
            var notice = notices.Of(booking, await availability.ScheduleAsync(cancellationToken), token);
            notifications.Booked(db, notice);
            audit.Add("booking.create", booking.Reference, what);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return DeskResult.Done(booking.Id, $"Booked {booking.Reference}{overridden}.");
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            logger.LogInformation(ex, "A phone booking was refused by the database");
            db.ChangeTracker.Clear();
            return DeskResult.Refused(nameof(form.Time), "That therapist has just been booked at that time by someone else. Nothing was booked: choose another time.");
        }
    }

    private async Task<string> UnusedReferenceAsync(CancellationToken cancellationToken)
    {
        var reference = Secrets.NewReference();
        while (await db.Bookings.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            reference = Secrets.NewReference();
        }
        return reference;
    }
}
