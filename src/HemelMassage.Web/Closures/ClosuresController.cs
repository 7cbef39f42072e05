using FluentValidation;
using HemelMassage.Web.Site;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Closures;

public sealed record ClosuresPage(IReadOnlyList<ClinicClosure> Closures, DaysForm Form);

/// <summary>Whole days the clinic is shut: bank holidays, refits.</summary>
[Area("Admin")]
[Route("admin/closures")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class ClosuresController(ClinicDbContext db, ClosureChanges changes, IValidator<DaysForm> validator) : Controller
{
    [HttpGet("")]
    public Task<IActionResult> Index(CancellationToken cancellationToken) => PageAsync(new DaysForm(), cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] DaysForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken), "Form");
        if (!ModelState.IsValid)
        {
            return await PageAsync(form, cancellationToken);
        }
        await changes.AddAsync(form, cancellationToken);
        TempData["Notice"] = "Closure added: no online bookings on those days.";
        return Redirect("/admin/closures");
    }

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id, CancellationToken cancellationToken)
    {
        if (!await changes.RemoveAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Closure removed.";
        return Redirect("/admin/closures");
    }

    private async Task<IActionResult> PageAsync(DaysForm form, CancellationToken cancellationToken) =>
        View("Index", new ClosuresPage(await db.ClinicClosures.AsNoTracking().OrderBy(c => c.From).ToListAsync(cancellationToken), form));
}
