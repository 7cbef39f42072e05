using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Book;

/// <summary>What a confirm press came to.</summary>
/// <param name="ManageToken">The new booking's raw manage token, for this response only: it is never stored.</param>
public sealed record Confirmation(SlotProblem Problem, PendingBooking? Pending, bool OverCap, string? ManageToken = null);

/// <summary>
/// Turns a reviewed pending booking into a booking, in one short write transaction through <see cref="BookingWrites"/>:
/// re-check the hour, assign a therapist for "no preference", insert, notify, commit. The pending key is the
/// idempotency key, so a second submit finds the booking the first one made.
/// </summary>
public sealed class BookingConfirmation(
    ClinicDbContext db, Availability availability, TimeProvider clock, BookingWrites writes, ClinicOptions clinic, SlotText text,
    Microsoft.Extensions.Options.IOptions<BookingOptions> options, CancellationRule rule, Intake.IntakeRecords intakes)
{
    /// <param name="mailboxProven">The client opened a link sent to the booking's address (or is signed in under it), so the online cap for that
    /// address does not apply and the booking joins the client's record at once.</param>
    /// <returns><c>OverCap</c> when the address already has as many bookings to come as it may make online without proving it is theirs.</returns>
    public async Task<Confirmation> ConfirmAsync(string key, bool mailboxProven, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return new(SlotProblem.None, null, false);
        }
        return await writes.RunAsync(async () =>
        {
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
                return new Confirmation(SlotProblem.None, pending, false);
            }
            if (pending.ExpiresAtUtc < now || !pending.HasDetails)
            {
                return new Confirmation(SlotProblem.None, null, false);
            }
            // Counted in the write transaction, so two tabs confirming at once cannot both slip under the cap.
            var email = pending.Email!.ToLowerInvariant();
            if (!mailboxProven && await db.Bookings.CountAsync(a => a.Client!.Email == email && a.Status == BookingStatus.Booked && a.StartUtc > now, cancellationToken)
                >= options.Value.MaxOpenBookingsPerEmail)
            {
                return new Confirmation(SlotProblem.None, pending, true);
            }
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var problem = await availability.CheckAsync(schedule, pending.TreatmentId, pending.TherapistId, pending.StartUtc, cancellationToken: cancellationToken);
            if (problem != SlotProblem.None)
            {
                return new Confirmation(problem, pending, false);
            }
            var created = await writes.CreateAsync(
                new NewBooking(pending.Key, pending.TreatmentId, pending.TherapistId ?? await LeastBusyAsync(schedule, pending, cancellationToken), pending.StartUtc,
                    pending.Name!, pending.Email!, pending.Phone!, pending.FirstVisit == true, pending.Note, pending.NoFollowUp, MailboxProven: mailboxProven),
                Actor.ClientOnline, "Booked online", cancellationToken);
            pending.BookingId = created.Booking.Id;
            if ((await intakes.AddAsync(created.Booking, pending, cancellationToken)).NeedsConversation)
            {
                writes.NeedsConversation(created);
            }
            return new Confirmation(SlotProblem.None, pending, false, created.ManageToken);
        }, async _ =>
        {
            // A second press whose first press booked is no loss; otherwise the hour is gone.
            var pending = await db.PendingBookings.AsNoTracking().FirstOrDefaultAsync(p => p.Key == key, cancellationToken);
            return new Confirmation(pending?.BookingId is null ? SlotProblem.Taken : SlotProblem.None, pending, false);
        }, cancellationToken);
    }

    public Task<Booking?> BookingAsync(PendingBooking pending, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().Include(a => a.Treatment).Include(a => a.Therapist).Include(a => a.Client)
            .FirstOrDefaultAsync(a => a.Id == pending.BookingId, cancellationToken);

    /// <summary>
    /// The confirmation page of a confirmed booking, or null. It writes nothing: the manage link is on it only when
    /// <paramref name="token"/> came with the confirm POST's redirect (encrypted in TempData); after that it lives in the email.
    /// </summary>
    public async Task<(Booking Booking, ConfirmationView View)?> ShowAsync(PendingBooking pending, string? token, CancellationToken cancellationToken)
    {
        if (await BookingAsync(pending, cancellationToken) is not { } booking)
        {
            return null;
        }
        token = token is not null && Secrets.SameHash(Secrets.Hash(token), booking.ManageTokenHash) ? token : null;
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
}
