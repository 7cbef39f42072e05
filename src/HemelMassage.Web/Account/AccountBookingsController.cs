using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.Site;
using HemelMassage.Web.Waitlist;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Account;

/// <summary>
/// "My bookings": every page here needs a client session (without one it goes to <c>/account</c>), and acts only on
/// the client's own bookings and waitlist places. Changing and cancelling run the manage link's own code
/// (<see cref="ManageBookings"/>: the same cut-off, the same checks) and its pages, at <c>/account/bookings/{reference}</c>.
/// </summary>
[PrivatePage]
public sealed class AccountBookingsController(
    AccountBookings bookings, ManageBookings manage, ClientSessions sessions, WaitlistJoining waitlist, Availability availability, SlotText text,
    IValidator<RescheduleForm> validator, IOptions<BookingOptions> options) : Controller
{
    [HttpGet("/account/bookings")]
    public async Task<IActionResult> Index(string? message, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(HttpContext, cancellationToken) is not { } client)
        {
            return Redirect("/account");
        }
        var (upcoming, past) = await bookings.ListAsync(client.Id, cancellationToken);
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var waiting = (await waitlist.WaitingAsync(client.Email, cancellationToken))
            .Select(e => new AccountWaiting(e.Id, WaitlistWishes.Wanted(schedule, e.TreatmentId, e.TherapistId), WaitlistWishes.When(e))).ToList();
        return View("Bookings", new AccountBookingsView(upcoming, past, waiting, Durations.Say(options.Value.CancellationCutoff), message switch
        {
            "moved" => "Your booking has been moved. We have emailed you the new time.",
            "cancelled" => "Your booking is cancelled. We have emailed you to say so.",
            "left" => "You have left the waitlist for those times.",
            "unchanged" => "That booking can no longer be changed online: please phone us.",
            _ => null,
        }));
    }

    [HttpGet("/account/bookings/{reference}")]
    public IActionResult Show(string reference) => Redirect("/account/bookings");

    [HttpGet("/account/bookings/{reference}/cancel")]
    public async Task<IActionResult> ConfirmCancel(string reference, CancellationToken cancellationToken)
    {
        if (await MineAsync(reference, cancellationToken) is not { } booking)
        {
            return await SignedOutOrNotFoundAsync(cancellationToken);
        }
        return !manage.CanChange(booking) ? Redirect("/account/bookings?message=unchanged")
            : View("~/ManageBooking/Views/ConfirmCancel.cshtml", new ManageView("", booking.Reference, booking.Treatment!.Name, booking.Therapist!.Name,
                text.Range(booking.StartUtc), CanChange: true, Message: null) { Base = BaseOf(booking) });
    }

    [HttpPost("/account/bookings/{reference}/cancel")]
    public async Task<IActionResult> Cancel(string reference, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(HttpContext, cancellationToken) is not { } client)
        {
            return Redirect("/account");
        }
        var cancelled = await manage.CancelAsync(() => bookings.FindAsync(client.Id, reference, cancellationToken), cancellationToken);
        return Redirect("/account/bookings?message=" + (cancelled ? "cancelled" : "unchanged"));
    }

    [HttpGet("/account/bookings/{reference}/reschedule")]
    public async Task<IActionResult> Reschedule(string reference, string? date, CancellationToken cancellationToken)
    {
        if (await MineAsync(reference, cancellationToken) is not { } booking)
        {
            return await SignedOutOrNotFoundAsync(cancellationToken);
        }
        return !manage.CanChange(booking) ? Redirect("/account/bookings?message=unchanged")
            : View("~/ManageBooking/Views/Reschedule.cshtml", await manage.RescheduleViewAsync(BaseOf(booking), booking, date, null, cancellationToken));
    }

    [HttpPost("/account/bookings/{reference}/reschedule")]
    public async Task<IActionResult> Move(string reference, RescheduleForm form, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(HttpContext, cancellationToken) is not { } client)
        {
            return Redirect("/account");
        }
        if (await bookings.FindAsync(client.Id, reference, cancellationToken) is not { } booking)
        {
            return this.NotValid();
        }
        if (!manage.CanChange(booking))
        {
            return Redirect("/account/bookings?message=unchanged");
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        var hasStart = SlotValue.TryParse(form.Start, out var startUtc);
        if (ModelState.IsValid)
        {
            var problem = await manage.RescheduleAsync(() => bookings.FindAsync(client.Id, reference, cancellationToken), startUtc, null, cancellationToken);
            if (problem is null or SlotProblem.None)
            {
                return Redirect("/account/bookings?message=" + (problem is null ? "unchanged" : "moved"));
            }
            ModelState.AddModelError(nameof(RescheduleForm.Start), SlotText.Problem(problem.Value, options.Value));
        }
        var date = hasStart ? DateOnly.FromDateTime(Clinic.ClinicTime.ToLocal(startUtc)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        return View("~/ManageBooking/Views/Reschedule.cshtml", await manage.RescheduleViewAsync(BaseOf(booking), booking, date, form.Start, cancellationToken));
    }

    [HttpPost("/account/waitlist/{id:int}/leave")]
    public async Task<IActionResult> Leave(int id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(HttpContext, cancellationToken) is not { } client)
        {
            return Redirect("/account");
        }
        return await waitlist.LeaveAsync(id, client.Email, cancellationToken) ? Redirect("/account/bookings?message=left") : this.NotValid();
    }

    private static string BaseOf(Booking booking) => "/account/bookings/" + booking.Reference;

    private async Task<Booking?> MineAsync(string reference, CancellationToken cancellationToken) =>
        await ClientSessions.ClientIdAsync(HttpContext) is int id ? await bookings.FindAsync(id, reference, cancellationToken) : null;

    /// <summary>Signed out: sign in first. Signed in but not theirs (or no such booking): the plain "not valid" page.</summary>
    private async Task<IActionResult> SignedOutOrNotFoundAsync(CancellationToken cancellationToken) =>
        await sessions.FindAsync(HttpContext, cancellationToken) is null ? Redirect("/account") : this.NotValid();
}
