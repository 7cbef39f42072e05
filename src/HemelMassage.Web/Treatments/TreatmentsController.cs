using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Treatments;

public sealed class TreatmentsController(TreatmentMenu menu) : Controller
{
    [HttpGet("/treatments")]
    [OutputCache(PolicyName = ContentCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) => View(await menu.ActiveAsync(cancellationToken));

    /// <summary>
    /// A treatment's own address leads to its card; one that asks for a back massage or a short one
    /// ("/treatments/back-massage") gets the explanation and the article rather than a bare 404.
    /// Not cached: every guessed word would take a cache entry.
    /// </summary>
    [HttpGet("/treatments/{slug}")]
    public async Task<IActionResult> Treatment(string slug, CancellationToken cancellationToken)
    {
        var treatments = await menu.ActiveAsync(cancellationToken);
        if (treatments.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase)) is { } known)
        {
            return RedirectPermanent("/treatments#" + known.Slug);
        }
        if (!ShortRequests.Asks(slug))
        {
            return NotFound();
        }
        ViewData["ShortRequest"] = true;
        return View("Index", treatments);
    }
}
