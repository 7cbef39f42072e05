using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Booking;

/// <summary>
/// Manage-my-booking: the link's token is looked up by its hash. A booking that is cancelled, past or
/// unknown gets the same answer (null), so a link reveals nothing it should not.
/// </summary>
public sealed class ManageBookings(
    ClinicDbContext db, Availability availability, BookingConfirmation confirmation,
    IBookingNotifications notifications, IOptions<BookingOptions> options, ILogger<ManageBookings> logger)
{
    public async Task<Appointment?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token!);
        var now = availability.NowUtc;
        return await ByToken.For(db)(db, hash, now);
    }

    // Tracked on purpose: cancel and reschedule change the row they find. Compiled, as every manage page runs it.
    private static readonly CompiledPerModel<Func<ClinicDbContext, string, DateTime, Task<Appointment?>>> ByToken =
        new(() => EF.CompileAsyncQuery((ClinicDbContext db, string hash, DateTime now) =>
            db.Appointments.Include(a => a.Client).Include(a => a.Therapist).Include(a => a.Treatment)
                .FirstOrDefault(a => a.ManageTokenHash == hash && a.Status == AppointmentStatus.Booked && a.StartUtc > now)));

    public bool CanChange(Appointment appointment) => options.Value.CanChangeOnline(appointment.StartUtc, availability.NowUtc);

    public async Task<bool> CancelAsync(string token, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var appointment = await FindAsync(token, cancellationToken);
        if (appointment is null || !CanChange(appointment))
        {
            return false;
        }
        var now = availability.NowUtc;
        appointment.Status = AppointmentStatus.Cancelled;
        Touch(appointment, now, "Cancelled online by the client");
        notifications.Cancelled(db, confirmation.Notice(appointment, await availability.ScheduleAsync(cancellationToken), manageToken: null), null, byClinic: false);
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
            var appointment = await FindAsync(token, cancellationToken);
            if (appointment is null || !CanChange(appointment))
            {
                return null;
            }
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var problem = await availability.CheckAsync(schedule, appointment.TreatmentId, appointment.TherapistId, startUtc, appointment.Id, cancellationToken);
            if (problem != SlotProblem.None)
            {
                return problem;
            }
            var previous = appointment.StartUtc;
            appointment.Move(startUtc);
            appointment.CalendarSequence++;
            Touch(appointment, availability.NowUtc, $"Moved online by the client from {SlotValue.Format(previous)}");
            notifications.Rescheduled(db, confirmation.Notice(appointment, schedule, token), previous);
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

    private static void Touch(Appointment appointment, DateTime now, string what)
    {
        appointment.UpdatedAtUtc = now;
        appointment.Version++;
        appointment.Changes.Add(new AppointmentChange { AtUtc = now, By = "client", What = what });
    }
}
