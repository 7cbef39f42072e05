using FluentValidation;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Therapists;

public sealed record TherapistEditPage(
    Therapist? Therapist, IReadOnlyList<Treatments.Treatment> AllTreatments, TherapistForm Details, HoursForm Hours, DaysForm TimeOff);

/// <summary>The Owner's therapists: details and treatments given, weekly hours with breaks, time off.</summary>
[Area("Admin")]
[Route("admin/therapists")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class TherapistsController(
    ClinicDbContext db, TherapistChanges changes,
    IValidator<TherapistForm> detailsValidator, IValidator<HoursForm> hoursValidator, IValidator<DaysForm> daysValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", await db.Therapists.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken));

    [HttpGet("new")]
    public Task<IActionResult> New(CancellationToken cancellationToken) => PageAsync(null, null, null, null, cancellationToken);

    [HttpGet("{id:int}")]
    public Task<IActionResult> Edit(int id, CancellationToken cancellationToken) => PageAsync(id, null, null, null, cancellationToken);

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Details")] TherapistForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = "Details")] TherapistForm form, CancellationToken cancellationToken) =>
        await Exists(id) ? await SaveAsync(id, form, cancellationToken) : NotFound();

    [HttpPost("{id:int}/hours")]
    public async Task<IActionResult> AddHours(int id, [Bind(Prefix = "Hours")] HoursForm form, CancellationToken cancellationToken)
    {
        if (!await Exists(id))
        {
            return NotFound();
        }
        ModelState.AddErrors(await hoursValidator.ValidateAsync(form, cancellationToken), "Hours");
        if (ModelState.IsValid && await changes.AddHoursAsync(id, form, cancellationToken) is string problem)
        {
            ModelState.AddModelError("Hours.Start", problem);
        }
        return ModelState.IsValid ? Saved(id, "Hours added.") : await PageAsync(id, null, form, null, cancellationToken);
    }

    [HttpPost("{id:int}/time-off")]
    public async Task<IActionResult> AddTimeOff(int id, [Bind(Prefix = "TimeOff")] DaysForm form, CancellationToken cancellationToken)
    {
        if (!await Exists(id))
        {
            return NotFound();
        }
        ModelState.AddErrors(await daysValidator.ValidateAsync(form, cancellationToken), "TimeOff");
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, null, null, form, cancellationToken);
        }
        await changes.AddTimeOffAsync(id, form, cancellationToken);
        return Saved(id, "Time off added. Bookings already made in it stay: check the diary.");
    }

    [HttpPost("{id:int}/hours/{rowId:int}/remove")]
    public async Task<IActionResult> RemoveHours(int id, int rowId, CancellationToken cancellationToken) =>
        await changes.RemoveHoursAsync(id, rowId, cancellationToken)
            ? Saved(id, "Hours removed.") : NotFound();

    [HttpPost("{id:int}/time-off/{rowId:int}/remove")]
    public async Task<IActionResult> RemoveTimeOff(int id, int rowId, CancellationToken cancellationToken) =>
        await changes.RemoveTimeOffAsync(id, rowId, cancellationToken)
            ? Saved(id, "Time off removed.") : NotFound();

    private Task<bool> Exists(int id) => db.Therapists.AnyAsync(t => t.Id == id);

    private async Task<IActionResult> SaveAsync(int? id, TherapistForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await detailsValidator.ValidateAsync(form, cancellationToken), "Details");
        return ModelState.IsValid
            ? Saved(await changes.SaveAsync(id, form, cancellationToken), $"Saved {form.Name.Trim()}.")
            : await PageAsync(id, form, null, null, cancellationToken);
    }

    private RedirectResult Saved(int id, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/admin/therapists/{id}");
    }

    private async Task<IActionResult> PageAsync(int? id, TherapistForm? details, HoursForm? hours, DaysForm? timeOff, CancellationToken cancellationToken)
    {
        var therapist = id is int existing
            ? await db.Therapists.AsNoTracking().Include(t => t.Treatments).Include(t => t.Hours).Include(t => t.TimeOff).AsSplitQuery().FirstOrDefaultAsync(t => t.Id == existing, cancellationToken)
            : null;
        if (id is not null && therapist is null)
        {
            return NotFound();
        }
        details ??= therapist is null ? new TherapistForm()
            : new TherapistForm { Name = therapist.Name, Bio = therapist.Bio, IsActive = therapist.IsActive, TreatmentIds = [.. therapist.Treatments.Select(t => t.Id)] };
        var treatments = await db.Treatments.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken);
        return View("Edit", new TherapistEditPage(therapist, treatments, details, hours ?? new HoursForm(), timeOff ?? new DaysForm()));
    }
}
