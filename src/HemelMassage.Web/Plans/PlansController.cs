using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Plans;

/// <summary>The plan's own page: where the booking page's plan form comes back with its messages, and a page of its own without it.</summary>
public sealed record PlanPage(int BookingId, string Reference, string ClientName, string When, PlanSection Section);

/// <summary>
/// "N more visits, every X weeks" on a booking: set or removed by the Owner or the booking's own therapist (the
/// people who treat), audited. Reception sees the plan on the booking page but cannot change it.
/// </summary>
[Area("Admin")]
[Route("admin/bookings/{id:int}/plan")]
public sealed class PlansController(ClinicDbContext db, StaffViewer viewer, PlanRecords plans, IValidator<PlanForm> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        if (await BookingAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        if (!await viewer.MaySeeAsync(booking, cancellationToken))
        {
            return Forbid();
        }
        var plan = await plans.FindAsync(id, cancellationToken);
        return PageOf(booking, PlanSection.Of(booking, plan, await viewer.MaySeeNoteAsync(booking, cancellationToken)));
    }

    [HttpPost("")]
    public async Task<IActionResult> Set(int id, PlanForm form, CancellationToken cancellationToken)
    {
        if (await BookingAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        if (!await viewer.MaySeeNoteAsync(booking, cancellationToken))
        {
            return Forbid();
        }
        if (!PlanCourse.Kept(booking.Status))
        {
            TempData["Problem"] = $"This booking is marked {StatusText.Of(booking.Status).ToLowerInvariant()}, so no plan was set: set it on a visit that took place.";
            return Redirect($"/admin/bookings/{id}#plan");
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            var plan = await plans.FindAsync(id, cancellationToken);
            return PageOf(booking, PlanSection.Of(booking, plan, mayChange: true) with { Form = form });
        }
        await plans.SetAsync(booking, form.ParsedVisits!.Value, form.ParsedWeeks!.Value, viewer.Name, cancellationToken);
        TempData["Notice"] = $"Plan saved: {PlanRules.Describe(form.ParsedVisits.Value, form.ParsedWeeks.Value)}. The follow-up email will offer the next free hours.";
        return Redirect($"/admin/bookings/{id}#plan");
    }

    [HttpPost("remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        if (await BookingAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        if (!await viewer.MaySeeNoteAsync(booking, cancellationToken))
        {
            return Forbid();
        }
        var removed = await plans.RemoveAsync(booking, cancellationToken);
        TempData[removed ? "Notice" : "Problem"] = removed
            ? "Plan removed: this visit no longer asks for a next one."
            : "There was no plan to remove: someone may have removed it already.";
        return Redirect($"/admin/bookings/{id}#plan");
    }

    private Task<Booking?> BookingAsync(int id, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().Include(a => a.Client).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    private ViewResult PageOf(Booking booking, PlanSection section) =>
        View("Plan", new PlanPage(booking.Id, booking.Reference, booking.Client!.Name, ClinicTime.Describe(booking.StartUtc), section));
}
