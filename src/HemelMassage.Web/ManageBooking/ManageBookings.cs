using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.ManageBooking;

/// <summary>
/// Manage-my-booking: the link's token is looked up by its hash. It finds its booking whatever became of it
/// (cancelled, past), so the page can say so; only an unknown token gets null. It acts on that booking alone:
/// anyone may type an address into the booking form, so a change to the client's other bookings needs a link
/// sent to the address (<see cref="MailboxLinks"/>).
/// </summary>
public sealed class ManageBookings(
    ClinicDbContext db, Availability availability, TimeProvider clock, BookingNotices notices,
    IBookingNotifications notifications, IOptions<BookingOptions> options, ILogger<ManageBookings> logger)
{
    public async Task<Booking?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token!);
        return await ByToken.For(db)(db, hash);
    }

    // Tracked on purpose: cancel and reschedule change the row they find. Compiled, as every manage page runs it.
    private static readonly CompiledPerModel<Func<ClinicDbContext, string, Task<Booking?>>> ByToken =
        new(() => EF.CompileAsyncQuery((ClinicDbContext db, string hash) =>
            db.Bookings.Include(a => a.Client).Include(a => a.Therapist).Include(a => a.Treatment)
                .FirstOrDefault(a => a.ManageTokenHash == hash)));

    public static bool IsCancelled(Booking booking) => booking.Status is BookingStatus.Cancelled or BookingStatus.LateCancellation;

    /// <summary>Still to come and still booked: the only state a client may change online.</summary>
    public bool IsOpen(Booking booking) => booking.Status == BookingStatus.Booked && booking.StartUtc > clock.GetUtcNow().UtcDateTime;

    /// <summary>Online changes stop at the cut-off; after it the client phones and staff decide.</summary>
    public bool CanChange(Booking booking) => IsOpen(booking) && options.Value.CanChangeOnline(booking.StartUtc, clock.GetUtcNow().UtcDateTime);

    /// <summary>No follow-up email after this visit; the client's other visits are theirs to decide through their address.</summary>
    public async Task NoFollowUpAsync(Booking booking, CancellationToken cancellationToken)
    {
        booking.NoFollowUp = true;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<bool> CancelAsync(string token, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var booking = await FindAsync(token, cancellationToken);
        if (booking is null || !CanChange(booking))
        {
            return false;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        booking.Status = BookingStatus.Cancelled;
        Touch(booking, now, "Cancelled online by the client");
        notifications.Cancelled(db, notices.Of(booking, await availability.ScheduleAsync(cancellationToken), manageToken: null), null, byClinic: false);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Moves the booking, keeping its identity: same reference, same calendar UID, next sequence.</summary>
    public async Task<SlotProblem?> RescheduleAsync(string token, DateTime startUtc, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var booking = await FindAsync(token, cancellationToken);
            if (booking is null || !CanChange(booking))
            {
                return null;
            }
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var problem = await availability.CheckAsync(schedule, booking.TreatmentId, booking.TherapistId, startUtc, booking.Id, cancellationToken);
            if (problem != SlotProblem.None)
            {
                return problem;
            }
            var previous = booking.StartUtc;
            booking.Move(startUtc);
            booking.CalendarSequence++;
            Touch(booking, clock.GetUtcNow().UtcDateTime, $"Moved online by the client from {SlotValue.Format(previous)}");
            notifications.Rescheduled(db, notices.Of(booking, schedule, token), previous);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return SlotProblem.None;
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            logger.LogInformation(ex, "A reschedule lost its hour");
            db.ChangeTracker.Clear();
            return SlotProblem.Taken;
        }
    }

    private static void Touch(Booking booking, DateTime now, string what)
    {
        booking.UpdatedAtUtc = now;
        booking.Version++;
        booking.Changes.Add(new BookingChange { AtUtc = now, By = "client", What = what });
    }
}
