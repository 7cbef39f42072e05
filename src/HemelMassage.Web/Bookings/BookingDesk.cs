using HemelMassage.Web.Diary;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// Staff changes to one booking, each in one short write transaction through <see cref="BookingWrites"/>:
/// load, check who may and that the form is not stale, then the change itself.
/// </summary>
public sealed class BookingDesk(ClinicDbContext db, StaffViewer viewer, StaffSlotRules rules, BookingWrites writes)
{
    public Task<DeskResult> MarkAsync(int id, int? version, BookingStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async (a, by) =>
        {
            var allowed = status switch
            {
                BookingStatus.Arrived => a.Status is BookingStatus.Booked or BookingStatus.NoShow,
                BookingStatus.NoShow => a.Status is BookingStatus.Booked or BookingStatus.Arrived,
                BookingStatus.LateCancellation => a.Status is BookingStatus.Booked,
                _ => false,
            };
            if (!allowed)
            {
                return DeskResult.Refused("", $"This booking is {StatusText.Of(a.Status).ToLowerInvariant()}, so it cannot be marked {StatusText.Of(status).ToLowerInvariant()}.");
            }
            var what = $"Marked {StatusText.Of(status).ToLowerInvariant()}";
            await writes.MarkAsync(a, status, by, what, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    public Task<DeskResult> CancelAsync(int id, CancelForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async (a, by) =>
        {
            if (a.Status != BookingStatus.Booked)
            {
                return DeskResult.Refused("", $"This booking is already {StatusText.Of(a.Status).ToLowerInvariant()}.");
            }
            var reason = form.Reason.Trim();
            var what = $"Cancelled by the clinic: {reason}";
            await writes.CancelAsync(a, by, what, reason, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    public Task<DeskResult> MoveAsync(int id, MoveForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async (a, by) =>
        {
            if (a.Status != BookingStatus.Booked)
            {
                return DeskResult.Refused("", $"This booking is {StatusText.Of(a.Status).ToLowerInvariant()}, so it cannot be moved.");
            }
            var (refusal, startUtc, overridden) = await rules.CheckAsync(form, a.TreatmentId, a.Id, cancellationToken);
            if (refusal is not null)
            {
                return refusal;
            }
            var names = await db.Therapists.Where(t => t.Id == a.TherapistId || t.Id == form.TherapistId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var what = $"Moved from {ClinicTime.Brief(a.StartUtc)} with {names.GetValueOrDefault(a.TherapistId)} to {ClinicTime.Brief(startUtc)} with {names.GetValueOrDefault(form.TherapistId!.Value)}{overridden}";
            await writes.MoveAsync(a, startUtc, form.TherapistId.Value, by, what, manageToken: null, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    private Task<DeskResult> ChangeAsync(int id, int? version, Func<Booking, Actor, Task<DeskResult>> change, CancellationToken cancellationToken) =>
        writes.RunAsync(async () =>
        {
            var booking = await db.Bookings.Include(a => a.Client).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (booking is null)
            {
                return DeskResult.NotFound;
            }
            if (!await viewer.MaySeeAsync(booking, cancellationToken))
            {
                return DeskResult.Forbidden;
            }
            return version != booking.Version ? DeskResult.Stale : await change(booking, Actor.StaffMember(viewer.Name));
        }, refused => Task.FromResult(refused is DbUpdateConcurrencyException ? DeskResult.Stale : DeskResult.TimeTaken("Time", "Nothing was changed")), cancellationToken);
}
