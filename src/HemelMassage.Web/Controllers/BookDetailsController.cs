using FluentValidation;
using HemelMassage.Web.Booking;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Controllers;

/// <summary>Details, review, confirm and confirmation: personal data, kept server-side under the pending key.</summary>
[PrivatePage]
public sealed class BookDetailsController(
    PendingBookings pendings, BookingConfirmation confirmation, Availability availability, SlotText text,
    IValidator<DetailsForm> validator, ClinicOptions clinic, Data.ClinicDbContext db,
    Microsoft.Extensions.Options.IOptions<BookingOptions> options, ILogger<BookDetailsController> logger, CancellationRule rule) : Controller
{
    [HttpGet("/book/details/{key}")]
    public async Task<IActionResult> Details(string key, CancellationToken cancellationToken)
    {
        var pending = await pendings.FindAsync(key, cancellationToken);
        return pending is null ? Expired() : View(new DetailsView(await SummaryAsync(pending, cancellationToken), pendings.DetailsOf(pending)));
    }

    [HttpPost("/book/details/{key}")]
    [EnableRateLimiting(RateLimits.Booking)]
    public async Task<IActionResult> SaveDetails(string key, DetailsForm form, CancellationToken cancellationToken)
    {
        var pending = await pendings.FindAsync(key, cancellationToken);
        if (pending is null)
        {
            return Expired();
        }
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot filled the honeypot: store nothing, and give it a page that looks like any other.
            logger.LogInformation("Booking details refused: the honeypot field was filled");
            return View("Received");
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (ModelState.IsValid && await pendings.OpenBookingsAsync(form.Email!, cancellationToken) >= options.Value.MaxOpenBookingsPerEmail)
        {
            ModelState.AddModelError(nameof(form.Email),
                $"You already have {options.Value.MaxOpenBookingsPerEmail} bookings to come with us, which is as many as we take online. Please phone us on {clinic.Phone} and we will gladly book more for you.");
        }
        if (!ModelState.IsValid)
        {
            return View("Details", new DetailsView(await SummaryAsync(pending, cancellationToken), form));
        }
        var notKept = await pendings.SaveDetailsAsync(pending, form, cancellationToken);
        return Redirect("/book/review/" + key + (notKept ? "?health=not-kept" : ""));
    }

    [HttpGet("/book/review/{key}")]
    public async Task<IActionResult> Review(string key, string? health, CancellationToken cancellationToken)
    {
        ViewData["HealthNotKept"] = health == "not-kept";
        var pending = await pendings.FindAsync(key, cancellationToken);
        if (pending is null)
        {
            return Expired();
        }
        return pending.HasDetails
            ? View(new DetailsView(await SummaryAsync(pending, cancellationToken), pendings.DetailsOf(pending)))
            : Redirect("/book/details/" + key);
    }

    [HttpPost("/book/review/{key}")]
    [EnableRateLimiting(RateLimits.Booking)]
    public async Task<IActionResult> Confirm(string key, CancellationToken cancellationToken)
    {
        var (problem, pending) = await confirmation.ConfirmAsync(key, cancellationToken);
        if (pending is null)
        {
            return Expired();
        }
        if (problem == SlotProblem.None && pending.AppointmentId is not null)
        {
            return Redirect($"/book/done/{key}");
        }
        var treatment = (await availability.ScheduleAsync(cancellationToken)).Treatment(pending.TreatmentId);
        var date = DateOnly.FromDateTime(pending.StartUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Redirect($"/book/times?treatment={treatment?.Slug}&therapist={TherapistChoice.Format(pending.TherapistId)}&date={date}&problem={problem.ToString().ToLowerInvariant()}&pending={key}");
    }

    [HttpGet("/book/done/{key}")]
    public async Task<IActionResult> Done(string key, CancellationToken cancellationToken)
    {
        var (pending, appointment) = await ConfirmedAsync(key, cancellationToken);
        if (pending is null || appointment is null)
        {
            return Expired();
        }
        // The manage link is shown once; after this it lives only in the client's email.
        var manageUrl = pending.ManageToken is { } token ? clinic.AbsoluteUrl("/booking/" + token) : null;
        pending.ManageToken = null;
        await db.SaveChangesAsync(cancellationToken);
        return View(new ConfirmationView(appointment.Reference, appointment.Treatment!.Name, appointment.Therapist!.Name,
            text.Range(appointment.StartUtc), manageUrl, $"/book/done/{key}/calendar.ics", appointment.Client!.Email,
            rule.CanChangeOnline(appointment.StartUtc) ? rule.LastChangeUtc(appointment.StartUtc) : null));
    }

    [HttpGet("/book/done/{key}/calendar.ics")]
    public async Task<IActionResult> Calendar(string key, CancellationToken cancellationToken)
    {
        var (_, appointment) = await ConfirmedAsync(key, cancellationToken);
        return appointment is null
            ? Expired()
            : File(System.Text.Encoding.UTF8.GetBytes(CalendarFile.For(appointment, appointment.Treatment!.Name, appointment.Therapist!.Name, clinic, availability.NowUtc)),
                "text/calendar", $"{appointment.Reference}.ics");
    }

    private async Task<(Booking.PendingBooking?, Appointment?)> ConfirmedAsync(string key, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return (null, null);
        }
        var now = availability.NowUtc;
        var pending = await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == key && p.AppointmentId != null && p.ExpiresAtUtc > now, cancellationToken);
        var appointment = pending is null ? null : await db.Appointments.AsNoTracking().Include(a => a.Treatment).Include(a => a.Therapist).Include(a => a.Client)
            .FirstOrDefaultAsync(a => a.Id == pending.AppointmentId, cancellationToken);
        return (pending, appointment);
    }

    private async Task<BookingSummary> SummaryAsync(Booking.PendingBooking pending, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var treatment = schedule.Treatment(pending.TreatmentId)!;
        var therapist = pending.TherapistId is int id ? schedule.Therapist(id)?.Name ?? "" : "No preference (we'll tell you who when you confirm)";
        var date = DateOnly.FromDateTime(pending.StartUtc).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new BookingSummary(pending.Key, treatment.Name, Treatments.Money.Format(treatment.PricePence), therapist, text.Range(pending.StartUtc),
            $"/book/times?treatment={treatment.Slug}&therapist={TherapistChoice.Format(pending.TherapistId)}&date={date}&pending={pending.Key}",
            !rule.CanChangeOnline(pending.StartUtc));
    }

    private ViewResult Expired()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("LinkNotValid");
    }
}
