using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Treatments;

/// <param name="GivenBy">How many active therapists give it; null for a treatment not yet saved.</param>
public sealed record TreatmentEditPage(int? Id, TreatmentForm Form, int? GivenBy = null);

public sealed record TreatmentAdminRow(Treatment Treatment, int GivenBy)
{
    /// <summary>What the public pages do with it, and why.</summary>
    public string Status => !Treatment.IsActive ? "Not offered"
        : GivenBy == 0 ? "Hidden from clients: no active therapist gives it yet"
        : "Offered";
}

/// <summary>The Owner's treatments: name, who it suits, description, price, active. The hour is not editable.</summary>
[Area("Admin")]
[Route("admin/treatments")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class TreatmentsAdminController(ClinicDbContext db, TreatmentChanges changes, IValidator<TreatmentForm> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("AdminIndex", await db.Treatments.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TreatmentAdminRow(t, db.Therapists.Count(th => th.IsActive && th.Treatments.Any(x => x.Id == t.Id))))
            .ToListAsync(cancellationToken));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new TreatmentEditPage(null, new TreatmentForm()));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var t = await db.Treatments.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        return t is null ? NotFound() : View("Edit", new TreatmentEditPage(id, new TreatmentForm
        {
            Name = t.Name, Suits = t.Suits, Description = t.Description, IsActive = t.IsActive,
            Price = (t.PricePence / 100m).ToString("0.00", CultureInfo.InvariantCulture),
        }, await GivenByAsync(id, cancellationToken)));
    }

    [HttpPost("new")]
    public Task<IActionResult> Create([Bind(Prefix = "Form")] TreatmentForm form, CancellationToken cancellationToken) => SaveAsync(null, form, cancellationToken);

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, [Bind(Prefix = "Form")] TreatmentForm form, CancellationToken cancellationToken) =>
        await db.Treatments.AnyAsync(t => t.Id == id, cancellationToken) ? await SaveAsync(id, form, cancellationToken) : NotFound();

    private async Task<IActionResult> SaveAsync(int? id, TreatmentForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken), "Form");
        if (!ModelState.IsValid)
        {
            return View("Edit", new TreatmentEditPage(id, form, id is int known ? await GivenByAsync(known, cancellationToken) : null));
        }
        var saved = await changes.SaveAsync(id, form, cancellationToken);
        TempData["Notice"] = form.IsActive && await GivenByAsync(saved, cancellationToken) == 0
            ? $"Saved {form.Name.Trim()}. Clients will not see it until a therapist gives it: tick it on a therapist's page."
            : $"Saved {form.Name.Trim()}. The public pages show the change now.";
        return Redirect("/admin/treatments");
    }

    private Task<int> GivenByAsync(int treatmentId, CancellationToken cancellationToken) =>
        db.Therapists.CountAsync(th => th.IsActive && th.Treatments.Any(x => x.Id == treatmentId), cancellationToken);
}
