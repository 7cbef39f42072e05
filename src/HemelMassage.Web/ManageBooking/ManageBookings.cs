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
    ClinicDbContext db, Availability availability, TimeProvider clock, BookingWrites writes, IOptions<BookingOptions> options, DayChoices days, SlotText text)
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

    public Task<bool> CancelAsync(string token, CancellationToken cancellationToken) =>
        CancelAsync(() => FindAsync(token, cancellationToken), cancellationToken);

    /// <summary>
    /// Cancels under the manage link's rules, whichever way the client reached the booking (its link, or their own
    /// signed-in page): <paramref name="find"/> runs inside the write transaction.
    /// </summary>
    public Task<bool> CancelAsync(Func<Task<Booking?>> find, CancellationToken cancellationToken) =>
        writes.RunAsync(async () =>
        {
            var booking = await find();
            if (booking is null || !CanChange(booking))
            {
                return false;
            }
            await writes.CancelAsync(booking, Actor.ClientOnline, "Cancelled online by the client", messageToClient: null, cancellationToken);
            return true;
        }, _ => Task.FromResult(false), cancellationToken);

    /// <summary>Moves the booking, keeping its identity: same reference, same calendar UID, next sequence.</summary>
    public Task<SlotProblem?> RescheduleAsync(string token, DateTime startUtc, CancellationToken cancellationToken) =>
        RescheduleAsync(() => FindAsync(token, cancellationToken), startUtc, token, cancellationToken);

    /// <param name="manageToken">The raw token when the emailed link made the move (the email carries the link again); null from the client's page.</param>
    public Task<SlotProblem?> RescheduleAsync(Func<Task<Booking?>> find, DateTime startUtc, string? manageToken, CancellationToken cancellationToken) =>
        writes.RunAsync<SlotProblem?>(async () =>
        {
            var booking = await find();
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
            await writes.MoveAsync(booking, startUtc, booking.TherapistId, Actor.ClientOnline,
                $"Moved online by the client from {SlotValue.Format(booking.StartUtc)}", manageToken, cancellationToken);
            return SlotProblem.None;
        }, _ => Task.FromResult<SlotProblem?>(SlotProblem.Taken), cancellationToken);

    /// <summary>"Choose another time" for a booking, its times posting to <c>{basePath}/reschedule</c>.</summary>
    public async Task<RescheduleView> RescheduleViewAsync(string basePath, Booking booking, string? date, string? chosen, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var free = await availability.FreeTimesAsync(schedule, booking.TreatmentId, booking.TherapistId, booking.Id, cancellationToken);
        var (day, problem) = days.Choose(free.Dates, date, schedule);
        var treatment = schedule.Treatment(booking.TreatmentId) ?? new TreatmentChoice(booking.TreatmentId, "", booking.Treatment!.Name, "", 0);
        return new RescheduleView(basePath, text.Range(booking.StartUtc), new TimesView(treatment, TherapistChoice.Format(booking.TherapistId), booking.Therapist!.Name,
            schedule, free.Dates, day, day is { } shown ? free.On(shown) : [], problem, null, chosen, $"{basePath}/reschedule", $"{basePath}/reschedule")
        {
            NextFree = free.Next,
        });
    }
}
