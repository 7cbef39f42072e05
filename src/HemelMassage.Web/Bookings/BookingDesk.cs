using HemelMassage.Web.Diary;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// Staff changes to one booking, each in one short write transaction (<see cref="WriteTransactions"/>): load,
/// check who may and that the form is not stale, change, record the history, audit, notify, commit.
/// </summary>
public sealed class BookingDesk(
    ClinicDbContext db, StaffViewer viewer, StaffSlotRules rules, Availability availability, TimeProvider clock,
    BookingNotices notices, IBookingNotifications notifications, AuditLog audit, ILogger<BookingDesk> logger)
{
    public Task<DeskResult> MarkAsync(int id, int? version, BookingStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async a =>
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
            a.Status = status;
            if (status == BookingStatus.LateCancellation)
            {
                // The hour is freed and the client's calendar entry withdrawn; the row stays for the no-show history.
                notifications.Cancelled(db, notices.Of(a, await availability.ScheduleAsync(cancellationToken), manageToken: null), null, byClinic: false);
            }
            return Record(a, "booking." + status.ToString().ToLowerInvariant(), $"Marked {StatusText.Of(status).ToLowerInvariant()}");
        }, cancellationToken);

    public Task<DeskResult> CancelAsync(int id, CancelForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async a =>
        {
            if (a.Status != BookingStatus.Booked)
            {
                return DeskResult.Refused("", $"This booking is already {StatusText.Of(a.Status).ToLowerInvariant()}.");
            }
            a.Status = BookingStatus.Cancelled;
            var reason = form.Reason.Trim();
            notifications.Cancelled(db, notices.Of(a, await availability.ScheduleAsync(cancellationToken), manageToken: null), reason, byClinic: true);
            return Record(a, "booking.cancel", $"Cancelled by the clinic: {reason}");
        }, cancellationToken);

    public Task<DeskResult> MoveAsync(int id, MoveForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async a =>
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
            var previous = a.StartUtc;
            var names = await db.Therapists.Where(t => t.Id == a.TherapistId || t.Id == form.TherapistId).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
            var from = $"{ClinicTime.Brief(previous)} with {names.GetValueOrDefault(a.TherapistId)}";
            a.Move(startUtc);
            a.TherapistId = form.TherapistId!.Value;
            a.CalendarSequence++;
            notifications.Rescheduled(db, notices.Of(a, await availability.ScheduleAsync(cancellationToken), manageToken: null), previous);
            return Record(a, "booking.move", $"Moved from {from} to {ClinicTime.Brief(startUtc)} with {names.GetValueOrDefault(a.TherapistId)}{overridden}");
        }, cancellationToken);

    private async Task<DeskResult> ChangeAsync(int id, int? version, Func<Booking, Task<DeskResult>> change, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var booking = await db.Bookings.Include(a => a.Client).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (booking is null)
            {
                return DeskResult.NotFound;
            }
            if (!await viewer.MaySeeAsync(booking, cancellationToken))
            {
                return DeskResult.Forbidden;
            }
            if (version != booking.Version)
            {
                return DeskResult.Stale;
            }
            var result = await change(booking);
            if (result.Outcome != DeskOutcome.Done)
            {
                return result;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskResult.Stale;
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            logger.LogInformation(ex, "A staff change to booking {Id} was refused by the database", id);
            db.ChangeTracker.Clear();
            return DeskResult.Refused("Time", "That therapist has just been booked at that time by someone else. Nothing was changed: choose another time.");
        }
    }

    private DeskResult Record(Booking a, string action, string what)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        a.UpdatedAtUtc = now;
        a.Version++;
        a.Changes.Add(new BookingChange { AtUtc = now, By = viewer.Name, What = what });
        audit.Add(action, a.Reference, what);
        return DeskResult.Done(a.Id, what + ".");
    }
}
