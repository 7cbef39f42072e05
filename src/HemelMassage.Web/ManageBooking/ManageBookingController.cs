using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.ManageBooking;

/// <summary>The emailed link. A GET only shows; every change is a button that POSTs, and acts on this booking alone.</summary>
[EnableRateLimiting(RateLimits.Manage)]
[PrivatePage]
public sealed class ManageBookingController(
    ManageBookings manage, MailboxLinks mailbox, TimeProvider clock, SlotText text, IValidator<RescheduleForm> validator,
    Email.BookingCalendar calendar, IOptions<BookingOptions> options, Intake.IntakeRecords intakes) : Controller
{
    [HttpGet("/booking/{token}")]
    public async Task<IActionResult> Show(string token, string? message, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null)
        {
            return this.NotValid();
        }
        if (ManageBookings.IsCancelled(booking))
        {
            return View("Cancelled", CancelledView.Of(booking, text));
        }
        return View(new ManageView(token, booking.Reference, booking.Treatment!.Name,
            booking.Therapist!.Name, text.Range(booking.StartUtc), manage.CanChange(booking), message switch
            {
                "moved" => "Your booking has been moved.",
                "withdrawn" => "Your consent is withdrawn for this booking and its health answers are deleted. Your therapist will ask in person.",
                "no-follow-up" => "We won't send you a follow-up email after this visit.",
                "emailed" => $"We have emailed a link to {Email.LogMask.Emails(booking.Client!.Email)}. Open it to confirm; until then nothing changes.",
                _ => null,
            })
        { Past = !manage.IsOpen(booking) });
    }

    /// <summary>Asks first, naming the booking: cancelling cannot be undone. A GET changes nothing.</summary>
    [HttpGet("/booking/{token}/cancel")]
    public async Task<IActionResult> ConfirmCancel(string token, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        return booking is null ? this.NotValid()
            : !manage.CanChange(booking) ? Redirect("/booking/" + Uri.EscapeDataString(token))
            : View(new ManageView(token, booking.Reference, booking.Treatment!.Name, booking.Therapist!.Name,
                text.Range(booking.StartUtc), CanChange: true, Message: null));
    }

    [HttpPost("/booking/{token}/cancel")]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken)
    {
        await manage.CancelAsync(token, cancellationToken);
        // Cancelled or not (inside the cut-off, already cancelled), the booking's page says where it stands.
        return Redirect("/booking/" + Uri.EscapeDataString(token));
    }

    [HttpPost("/booking/{token}/withdraw-health-consent")]
    public async Task<IActionResult> WithdrawHealthConsent(string token, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null)
        {
            return this.NotValid();
        }
        await intakes.WithdrawConsentAsync(booking, cancellationToken);
        return Redirect($"/booking/{Uri.EscapeDataString(token)}?message=withdrawn");
    }

    [HttpPost("/booking/{token}/no-follow-up")]
    public async Task<IActionResult> NoFollowUp(string token, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null)
        {
            return this.NotValid();
        }
        await manage.NoFollowUpAsync(booking, cancellationToken);
        return Redirect($"/booking/{Uri.EscapeDataString(token)}?message=no-follow-up");
    }

    /// <summary>For every booking of the client: only through a link sent to the client's address.</summary>
    [HttpPost("/booking/{token}/withdraw-health-consent/everywhere")]
    public Task<IActionResult> WithdrawHealthConsentEverywhere(string token, CancellationToken cancellationToken) =>
        EmailLinkAsync(token, MailboxLinkPurpose.WithdrawHealthConsent, cancellationToken);

    [HttpPost("/booking/{token}/no-follow-up/everywhere")]
    public Task<IActionResult> NoFollowUpEverywhere(string token, CancellationToken cancellationToken) =>
        EmailLinkAsync(token, MailboxLinkPurpose.StopFollowUps, cancellationToken);

    private async Task<IActionResult> EmailLinkAsync(string token, MailboxLinkPurpose purpose, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null)
        {
            return this.NotValid();
        }
        await mailbox.SendAsync(purpose, booking.Client!.Email, booking.Client.Name, booking.ClientId, null,
            clock.GetUtcNow().UtcDateTime + MailboxLinks.Lifetime, null, cancellationToken);
        return Redirect($"/booking/{Uri.EscapeDataString(token)}?message=emailed");
    }

    [HttpGet("/booking/{token}/reschedule")]
    public async Task<IActionResult> Reschedule(string token, string? date, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null || !manage.CanChange(booking))
        {
            return booking is null ? this.NotValid() : Redirect("/booking/" + token);
        }
        return View(await RescheduleAsync(token, booking, date, null, cancellationToken));
    }

    [HttpPost("/booking/{token}/reschedule")]
    public async Task<IActionResult> Move(string token, RescheduleForm form, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        if (booking is null || !manage.CanChange(booking))
        {
            return booking is null ? this.NotValid() : Redirect("/booking/" + token);
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        var hasStart = SlotValue.TryParse(form.Start, out var startUtc);
        if (ModelState.IsValid)
        {
            var problem = await manage.RescheduleAsync(token, startUtc, cancellationToken);
            if (problem is null or SlotProblem.None)
            {
                return Redirect($"/booking/{token}?message=moved");
            }
            ModelState.AddModelError(nameof(RescheduleForm.Start), SlotText.Problem(problem.Value, options.Value));
        }
        var date = hasStart ? DateOnly.FromDateTime(Clinic.ClinicTime.ToLocal(startUtc)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        return View("Reschedule", await RescheduleAsync(token, booking, date, form.Start, cancellationToken));
    }

    [HttpGet("/booking/{token}/calendar.ics")]
    public async Task<IActionResult> Calendar(string token, CancellationToken cancellationToken)
    {
        var booking = await manage.FindAsync(token, cancellationToken);
        return booking is null
            ? this.NotValid()
            : File(System.Text.Encoding.UTF8.GetBytes(calendar.Download(booking)),
                "text/calendar", $"{booking.Reference}.ics");
    }

    private Task<RescheduleView> RescheduleAsync(string token, Booking booking, string? date, string? chosen, CancellationToken cancellationToken) =>
        manage.RescheduleViewAsync("/booking/" + token, booking, date, chosen, cancellationToken);
}
