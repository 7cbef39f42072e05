using FluentValidation;
using HemelMassage.Web.Booking;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Controllers;

/// <summary>The emailed link. A GET only shows; Cancel and Reschedule are buttons that POST.</summary>
[EnableRateLimiting(RateLimits.Manage)]
[PrivatePage]
public sealed class ManageBookingController(
    ManageBookings manage, Availability availability, SlotText text, IValidator<RescheduleForm> validator,
    ClinicOptions clinic, IOptions<BookingOptions> options, Intake.IntakeRecords intakes, Data.ClinicDbContext db, DayChoices days) : Controller
{
    [HttpGet("/booking/{token}")]
    public async Task<IActionResult> Show(string token, string? message, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        return appointment is null ? NotValid() : View(new ManageView(token, appointment.Reference, appointment.Treatment!.Name,
            appointment.Therapist!.Name, text.Range(appointment.StartUtc), manage.CanChange(appointment), message switch
            {
                "moved" => "Your booking has been moved.",
                "withdrawn" => "Your consent is withdrawn and your health answers are deleted. Your therapist will ask in person.",
                "no-follow-up" => "We won't send you follow-up emails after your visits.",
                _ => null,
            }));
    }

    [HttpPost("/booking/{token}/cancel")]
    public async Task<IActionResult> Cancel(string token, CancellationToken cancellationToken) =>
        await manage.CancelAsync(token, cancellationToken) ? View("Cancelled") : Redirect("/booking/" + Uri.EscapeDataString(token));

    /// <summary>Withdrawing the special-category consent deletes every health answer the client gave, on every booking.</summary>
    [HttpPost("/booking/{token}/withdraw-health-consent")]
    public async Task<IActionResult> WithdrawHealthConsent(string token, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        if (appointment is null)
        {
            return NotValid();
        }
        await intakes.WithdrawConsentAsync(appointment.ClientId, appointment.Client!.Email, cancellationToken);
        return Redirect($"/booking/{Uri.EscapeDataString(token)}?message=withdrawn");
    }

    /// <summary>No more follow-up emails after visits, for this client (every booking).</summary>
    [HttpPost("/booking/{token}/no-follow-up")]
    public async Task<IActionResult> NoFollowUp(string token, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        if (appointment is null)
        {
            return NotValid();
        }
        appointment.Client!.NoFollowUp = true;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/booking/{Uri.EscapeDataString(token)}?message=no-follow-up");
    }

    [HttpGet("/booking/{token}/reschedule")]
    public async Task<IActionResult> Reschedule(string token, string? date, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        if (appointment is null || !manage.CanChange(appointment))
        {
            return appointment is null ? NotValid() : Redirect("/booking/" + token);
        }
        return View(await TimesAsync(token, appointment, date, null, cancellationToken));
    }

    [HttpPost("/booking/{token}/reschedule")]
    public async Task<IActionResult> Move(string token, RescheduleForm form, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        if (appointment is null || !manage.CanChange(appointment))
        {
            return appointment is null ? NotValid() : Redirect("/booking/" + token);
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
        var date = hasStart ? DateOnly.FromDateTime(startUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;
        return View("Reschedule", await TimesAsync(token, appointment, date, form.Start, cancellationToken));
    }

    [HttpGet("/booking/{token}/calendar.ics")]
    public async Task<IActionResult> Calendar(string token, CancellationToken cancellationToken)
    {
        var appointment = await manage.FindAsync(token, cancellationToken);
        return appointment is null
            ? NotValid()
            : File(System.Text.Encoding.UTF8.GetBytes(CalendarFile.For(appointment, appointment.Treatment!.Name, appointment.Therapist!.Name, clinic, availability.NowUtc)),
                "text/calendar", $"{appointment.Reference}.ics");
    }

    private async Task<TimesView> TimesAsync(string token, Appointment appointment, string? date, string? chosen, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var slots = await availability.FreeSlotsAsync(schedule, appointment.TreatmentId, appointment.TherapistId, appointment.Id, cancellationToken);
        var dates = slots.Select(s => s.LocalDate).Distinct().ToList();
        var (day, problem) = days.Choose(dates, date, schedule);
        var treatment = schedule.Treatment(appointment.TreatmentId) ?? new TreatmentChoice(appointment.TreatmentId, "", appointment.Treatment!.Name, "", 0);
        return new TimesView(treatment, TherapistChoice.Format(appointment.TherapistId), appointment.Therapist!.Name, schedule, dates, day,
            [.. slots.Where(s => s.LocalDate == day)], problem, null, chosen, $"/booking/{token}/reschedule", $"/booking/{token}/reschedule")
        {
            NextFree = slots.Count > 0 ? slots[0] : null,
        };
    }

    private ViewResult NotValid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("LinkNotValid");
    }
}
