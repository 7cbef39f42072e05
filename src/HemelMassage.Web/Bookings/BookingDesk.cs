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
public sealed class BookingDesk(ClinicDbContext db, StaffViewer viewer, StaffSlotRules rules, BookingWrites writes, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static bool IsMark(BookingStatus status) => status is BookingStatus.Arrived or BookingStatus.NoShow or BookingStatus.LateCancellation;

    // A mark is the booking's last change (nothing else may change a marked booking), so UpdatedAtUtc is when it was made.
    private bool MarkedToday(Booking a) => ClinicTime.ToLocal(a.UpdatedAtUtc).Date == ClinicTime.ToLocal(Now).Date;

    /// <summary>Null when the mark fits the booking's state and the time: arrived and no-show from the start, a late cancellation before it.</summary>
    private string? MarkRefusal(Booking a, BookingStatus status)
    {
        var from = status switch
        {
            BookingStatus.Arrived => a.Status is BookingStatus.Booked or BookingStatus.NoShow,
            BookingStatus.NoShow => a.Status is BookingStatus.Booked or BookingStatus.Arrived,
            BookingStatus.LateCancellation => a.Status is BookingStatus.Booked,
            _ => false,
        };
        if (!from)
        {
            return $"This booking is {StatusText.Of(a.Status).ToLowerInvariant()}, so it cannot be marked {StatusText.Of(status).ToLowerInvariant()}.";
        }
        var started = Now >= a.StartUtc;
        return status switch
        {
            BookingStatus.LateCancellation when started => $"The booking started at {ClinicTime.Brief(a.StartUtc)}, so it cannot be a late cancellation now: mark it arrived or no-show.",
            BookingStatus.Arrived or BookingStatus.NoShow when !started => $"The booking starts at {ClinicTime.Brief(a.StartUtc)}: it can be marked {StatusText.Of(status).ToLowerInvariant()} from then.",
            _ => null,
        };
    }

    private async Task<string?> TakenMeanwhileAsync(Booking a, CancellationToken cancellationToken) =>
        await db.Bookings.Where(o => o.Id != a.Id && o.TherapistId == a.TherapistId && o.StartUtc < a.EndUtc && o.EndUtc > a.StartUtc
                && (o.Status == BookingStatus.Booked || o.Status == BookingStatus.Arrived || o.Status == BookingStatus.NoShow))
            .Select(o => o.Reference).FirstOrDefaultAsync(cancellationToken);

    public Task<DeskResult> MarkAsync(int id, int? version, BookingStatus status, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async (a, by) =>
        {
            if (MarkRefusal(a, status) is { } refusal)
            {
                return DeskResult.Refused("", refusal);
            }
            var what = $"Marked {StatusText.Of(status).ToLowerInvariant()}";
            await writes.MarkAsync(a, status, by, what, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    /// <summary>Takes a mark back to booked, on the clinic's day the mark was made only: a mistake is put right at once, the record of a past day stays.</summary>
    public Task<DeskResult> UndoMarkAsync(int id, int? version, CancellationToken cancellationToken) =>
        ChangeAsync(id, version, async (a, by) =>
        {
            if (!IsMark(a.Status))
            {
                return DeskResult.Refused("", $"This booking is {StatusText.Of(a.Status).ToLowerInvariant()}: there is no mark to undo.");
            }
            if (!MarkedToday(a))
            {
                return DeskResult.Refused("", $"It was marked {StatusText.Of(a.Status).ToLowerInvariant()} on {ClinicTime.Brief(a.UpdatedAtUtc)}: a mark can be undone only on the day it was made.");
            }
            if (a.Status == BookingStatus.LateCancellation && await TakenMeanwhileAsync(a, cancellationToken) is { } other)
            {
                return DeskResult.Refused("", $"The hour has been booked again since ({other}), so the late cancellation cannot be undone.");
            }
            var what = $"Undid the mark {StatusText.Of(a.Status).ToLowerInvariant()}: booked again";
            await writes.UndoMarkAsync(a, by, what, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    /// <summary>What the booking page offers now: the marks that today's time allows, and whether a mark may be undone.</summary>
    public StatusActions ActionsFor(Booking a) => new(
        [.. new[] { BookingStatus.Arrived, BookingStatus.NoShow, BookingStatus.LateCancellation }.Where(s => MarkRefusal(a, s) is null)],
        IsMark(a.Status) && MarkedToday(a));

    public Task<DeskResult> CancelAsync(int id, CancelForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async (a, by) =>
        {
            if (a.Status != BookingStatus.Booked)
            {
                return DeskResult.Refused("", $"This booking is already {StatusText.Of(a.Status).ToLowerInvariant()}.");
            }
            // The reason is the staff's own: history and audit only. Only the message, when given, is for the client.
            var what = $"Cancelled by the clinic: {form.Reason?.Trim()}";
            var message = string.IsNullOrWhiteSpace(form.Message) ? null : form.Message.Trim();
            await writes.CancelAsync(a, by, what + (message is null ? "" : $" (told the client: {message})"), message, cancellationToken);
            return DeskResult.Done(a.Id, what + ".");
        }, cancellationToken);

    public Task<DeskResult> MoveAsync(int id, MoveForm form, CancellationToken cancellationToken) =>
        ChangeAsync(id, form.Version, async (a, by) =>
        {
            if (a.Status != BookingStatus.Booked)
            {
                return DeskResult.Refused("", $"This booking is {StatusText.Of(a.Status).ToLowerInvariant()}, so it cannot be moved.");
            }
            var (refusal, startUtc, _, overridden) = await rules.CheckEachAsync(form, a.TreatmentId, a.Id, cancellationToken);
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
