using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Staff;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, bool HasMore);

/// <summary>Who did what and when, newest first, a page of 100 at a time.</summary>
[Area("Admin")]
[Route("admin/audit")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class AuditController(ClinicDbContext db) : Controller
{
    private const int PageSize = 100;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken cancellationToken)
    {
        var number = page is >= 1 and <= 100_000 ? page.Value : 1;
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id)
            .Skip((number - 1) * PageSize).Take(PageSize + 1).ToListAsync(cancellationToken);
        return View("Audit", new AuditPage([.. entries.Take(PageSize)], number, entries.Count > PageSize));
    }
}
