using HemelMassage.Web.Site;
using HemelMassage.Web.Treatments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Controllers;

public sealed class TreatmentsController(TreatmentMenu menu) : Controller
{
    [HttpGet("/treatments")]
    [OutputCache(PolicyName = ContentCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await menu.ActiveAsync(cancellationToken));
}
