using HemelMassage.Web.Articles;
using HemelMassage.Web.Site;
using HemelMassage.Web.Treatments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Clinic;

public sealed record HomePage(IReadOnlyList<TreatmentSummary> Treatments, IReadOnlyList<Article> LatestArticles);

public sealed class HomeController(TreatmentMenu menu, ArticleCatalog articles) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = ContentCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Home", new HomePage(await menu.ActiveAsync(cancellationToken), articles.Listed.Take(3).ToList()));
}
