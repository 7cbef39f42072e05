using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Treatments;

public sealed record TreatmentEditPage(int? Id, TreatmentForm Form);

/// <summary>The Owner's treatments: name, who it suits, description, price, active. The hour is not editable.</summary>
[Area("Admin")]
[Route("admin/treatments")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class TreatmentsAdminController(ClinicDbContext db, TreatmentChanges changes, IValidator<TreatmentForm> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("AdminIndex", await db.Treatments.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).ToListAsync(cancellationToken));

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
        }));
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
            return View("Edit", new TreatmentEditPage(id, form));
        }
        await changes.SaveAsync(id, form, cancellationToken);
        TempData["Notice"] = $"Saved {form.Name.Trim()}. The public pages show the change now.";
        return Redirect("/admin/treatments");
    }
}
