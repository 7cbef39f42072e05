using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Book;

/// <summary>
/// Turns a reviewed pending booking into a booking, in one short write transaction (BEGIN IMMEDIATE on
/// SQLite, an advisory lock on PostgreSQL; see <see cref="WriteTransactions"/>): re-check the hour, assign a therapist for "no preference", insert, notify, commit. The
/// pending key is the idempotency key, so a second submit finds the booking the first one made.
/// </summary>
public sealed class BookingConfirmation(
    ClinicDbContext db, Availability availability, TimeProvider clock, IBookingNotifications notifications, BookingNotices notices, ClinicOptions clinic, SlotText text,
    Microsoft.Extensions.Options.IOptions<BookingOptions> options, CancellationRule rule, Intake.IntakeRecords intakes, ILogger<BookingConfirmation> logger)
{
    /// <param name="mailboxProven">The client opened a link sent to the booking's address, so the online cap for that address does not apply.</param>
    /// <returns><c>OverCap</c> when the address already has as many bookings to come as it may make online without proving it is theirs.</returns>
    public async Task<(SlotProblem Problem, PendingBooking? Pending, bool OverCap)> ConfirmAsync(string key, bool mailboxProven, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return (SlotProblem.None, null, false);
        }
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            // Read again inside the lock even when this context already holds it (the caller checked its browser):
            // a second press may be waiting here while the first one books.
            if (db.PendingBookings.Local.FirstOrDefault(p => p.Key == key) is { } held)
            {
                await db.Entry(held).ReloadAsync(cancellationToken);
            }
            var pending = await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == key, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            if (pending is null || pending.BookingId is not null)
            {
                return (SlotProblem.None, pending, false);
            }
            if (pending.ExpiresAtUtc < now || !pending.HasDetails)
            {
                return (SlotProblem.None, null, false);
            }
            // Counted in the write transaction, so two tabs confirming at once cannot both slip under the cap.
            var email = pending.Email!.ToLowerInvariant();
            if (!mailboxProven && await db.Bookings.CountAsync(a => a.Client!.Email == email && a.Status == BookingStatus.Booked && a.StartUtc > now, cancellationToken)
                >= options.Value.MaxOpenBookingsPerEmail)
            {
                return (SlotProblem.None, pending, true);
            }
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var problem = await availability.CheckAsync(schedule, pending.TreatmentId, pending.TherapistId, pending.StartUtc, cancellationToken: cancellationToken);
            if (problem != SlotProblem.None)
            {
                return (problem, pending, false);
            }
            var booking = await BookAsync(schedule, pending, now, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            pending.BookingId = booking.Id;
            var intake = await intakes.AddAsync(booking, pending, cancellationToken);
            var notice = notices.Of(booking, schedule, pending.ManageToken);
            notifications.Booked(db, notice);
            if (intake.NeedsConversation)
            {
                notifications.NeedsConversation(db, notice);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return (SlotProblem.None, pending, false);
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            // The database refused an overlap, or another writer held the lock too long: the hour is gone.
            logger.LogInformation(ex, "Booking {Key} lost its hour", key[..6]);
            db.ChangeTracker.Clear();
            var pending = await db.PendingBookings.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, cancellationToken);
            return (pending?.BookingId is null ? SlotProblem.Taken : SlotProblem.None, pending, false);
        }
    }

    private async Task<Booking> BookAsync(Schedule schedule, PendingBooking pending, DateTime now, CancellationToken cancellationToken)
    {
        var therapistId = pending.TherapistId ?? await LeastBusyAsync(schedule, pending, cancellationToken);
        var email = pending.Email!.ToLowerInvariant();
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Email == email, cancellationToken)
            ?? db.Clients.Add(new Client { Name = pending.Name!, Email = email, Phone = pending.Phone!, FirstVisit = pending.FirstVisit == true, CreatedAtUtc = now }).Entity;
        var token = Secrets.NewToken();
        var booking = new Booking
        {
            Reference = await UnusedReferenceAsync(cancellationToken),
            TherapistId = therapistId,
            TreatmentId = pending.TreatmentId,
            Client = client,
            FirstVisit = pending.FirstVisit == true,
            ClientNote = pending.Note,
            // This visit's choice only: anyone may type an address, so a booking never changes the client's choice for their other visits.
            NoFollowUp = pending.NoFollowUp,
            IdempotencyKey = pending.Key,
            ManageTokenHash = Secrets.Hash(token),
            CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        booking.Move(pending.StartUtc);
        booking.Changes.Add(new BookingChange { AtUtc = now, By = "client", What = "Booked online" });
        db.Bookings.Add(booking);
        pending.ManageToken = token;
        return booking;
    }

    public Task<Booking?> BookingAsync(PendingBooking pending, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().Include(a => a.Treatment).Include(a => a.Therapist).Include(a => a.Client)
            .FirstOrDefaultAsync(a => a.Id == pending.BookingId, cancellationToken);

    /// <summary>The confirmation page of a confirmed booking, or null; the manage link is on it the first time only (after that it lives in the email).</summary>
    public async Task<(Booking Booking, ConfirmationView View)?> ShowAsync(PendingBooking pending, CancellationToken cancellationToken)
    {
        if (await BookingAsync(pending, cancellationToken) is not { } booking)
        {
            return null;
        }
        var token = pending.ManageToken;
        pending.ManageToken = null;
        await db.SaveChangesAsync(cancellationToken);
        // With the manage token at hand the calendar link is the manage link's, which works in any browser.
        return (booking, new ConfirmationView(booking.Reference, booking.Treatment!.Name, booking.Therapist!.Name,
            text.Range(booking.StartUtc), token is null ? null : clinic.AbsoluteUrl("/booking/" + token),
            token is null ? $"/book/done/{pending.Key}/calendar.ics" : $"/booking/{token}/calendar.ics", booking.Client!.Email,
            rule.CanChangeOnline(booking.StartUtc) ? rule.LastChangeUtc(booking.StartUtc) : null));
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
        while (await db.Bookings.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            reference = Secrets.NewReference();
        }
        return reference;
    }
}
