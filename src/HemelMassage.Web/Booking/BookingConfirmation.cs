using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Booking;

/// <summary>
/// Turns a reviewed pending booking into a booking, in one short write transaction (BEGIN IMMEDIATE on
/// SQLite, an advisory lock on PostgreSQL; see <see cref="WriteTransactions"/>): re-check the hour, assign a therapist for "no preference", insert, notify, commit. The
/// pending key is the idempotency key, so a second submit finds the booking the first one made.
/// </summary>
public sealed class BookingConfirmation(
    ClinicDbContext db, Availability availability, IBookingNotifications notifications, ClinicOptions clinic,
    Intake.IntakeRecords intakes, ILogger<BookingConfirmation> logger)
{
    public async Task<(SlotProblem Problem, PendingBooking? Pending)> ConfirmAsync(string key, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return (SlotProblem.None, null);
        }
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var pending = await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == key, cancellationToken);
            var now = availability.NowUtc;
            if (pending is null || pending.AppointmentId is not null)
            {
                return (SlotProblem.None, pending);
            }
            if (pending.ExpiresAtUtc < now || !pending.HasDetails)
            {
                return (SlotProblem.None, null);
            }
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var problem = await availability.CheckAsync(schedule, pending.TreatmentId, pending.TherapistId, pending.StartUtc, cancellationToken: cancellationToken);
            if (problem != SlotProblem.None)
            {
                return (problem, pending);
            }
            var appointment = await BookAsync(schedule, pending, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            pending.AppointmentId = appointment.Id;
            var intake = await intakes.AddAsync(appointment, pending, cancellationToken);
            var notice = Notice(appointment, schedule, pending);
            notifications.Booked(db, notice);
            if (intake.NeedsConversation)
            {
                notifications.NeedsConversation(db, notice);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (SlotProblem.None, pending);
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            // The database refused an overlap, or another writer held the lock too long: the hour is gone.
            logger.LogInformation(ex, "Booking {Key} lost its hour", key[..6]);
            db.ChangeTracker.Clear();
            var pending = await db.PendingBookings.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, cancellationToken);
            return (pending?.AppointmentId is null ? SlotProblem.Taken : SlotProblem.None, pending);
        }
    }

    private async Task<Appointment> BookAsync(Schedule schedule, PendingBooking pending, DateTime now, CancellationToken cancellationToken)
    {
        var therapistId = pending.TherapistId ?? await LeastBusyAsync(schedule, pending, cancellationToken);
        var email = pending.Email!.ToLowerInvariant();
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Email == email, cancellationToken)
            ?? db.Clients.Add(new Client { Name = pending.Name!, Email = email, Phone = pending.Phone!, FirstVisit = pending.FirstVisit == true, CreatedAtUtc = now }).Entity;
        // The latest booking's choice stands: a client who asks for no follow-up at any booking gets none.
        client.NoFollowUp = pending.NoFollowUp;
        var token = Secrets.NewToken();
        var appointment = new Appointment
        {
            Reference = await UnusedReferenceAsync(cancellationToken),
            TherapistId = therapistId,
            TreatmentId = pending.TreatmentId,
            Client = client,
            FirstVisit = pending.FirstVisit == true,
            ClientNote = pending.Note,
            IdempotencyKey = pending.Key,
            ManageTokenHash = Secrets.Hash(token),
            CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        appointment.Move(pending.StartUtc);
        appointment.Changes.Add(new AppointmentChange { AtUtc = now, By = "client", What = "Booked online" });
        db.Appointments.Add(appointment);
        pending.ManageToken = token;
        return appointment;
    }

    /// <summary>"No preference" goes to the free therapist with the fewest bookings that day.</summary>
    private async Task<int> LeastBusyAsync(Schedule schedule, PendingBooking pending, CancellationToken cancellationToken)
    {
        var slot = await availability.SlotAtAsync(schedule, pending.TreatmentId, pending.StartUtc, cancellationToken)
            ?? throw new InvalidOperationException("The hour was checked free a moment ago in this transaction.");
        var free = slot.TherapistIds.ToList();
        var day = await availability.BookingsAsync(pending.StartUtc.AddHours(-12), pending.StartUtc.AddHours(12), null, null, cancellationToken);
        return free.OrderBy(id => day.Count(b => b.TherapistId == id)).ThenBy(free.IndexOf).First();
    }

    private async Task<string> UnusedReferenceAsync(CancellationToken cancellationToken)
    {
        var reference = Secrets.NewReference();
        while (await db.Appointments.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            reference = Secrets.NewReference();
        }
        return reference;
    }

    public BookingNotice Notice(Appointment a, Schedule schedule, PendingBooking? pending) => Notice(a, schedule, pending?.ManageToken);

    /// <param name="manageToken">The raw token when it is at hand (it is stored only hashed), so the email can carry the link.</param>
    public BookingNotice Notice(Appointment a, Schedule schedule, string? manageToken) => new(
        a.Id, a.Reference, a.Client!.Name, a.Client.Email,
        schedule.Treatment(a.TreatmentId)?.Name ?? "Massage", schedule.Therapist(a.TherapistId)?.Name ?? "your therapist",
        a.StartUtc, a.EndUtc,
        manageToken is null ? null : clinic.AbsoluteUrl("/booking/" + manageToken),
        a.CalendarUid, a.CalendarSequence);
}
