using FluentValidation;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Reports;

public sealed record ReportPage(ReportForm Form, ReportFigures? Figures);

/// <summary>The Owner's figures for a month or a range of days: "how did we do?"</summary>
[Area("Admin")]
[Route("admin/reports")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class ReportsController(ReportQueries reports, IValidator<ReportForm> validator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ReportForm form, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return View(new ReportPage(form, null));
        }
        var period = form.Period(reports.Today);
        return View(new ReportPage(form, await reports.FiguresAsync(period, cancellationToken)));
    }
}
