using HemelMassage.Web.Clinic;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Articles;

/// <summary>The Atom feed, sitemap and robots rules; drafts never appear in them, in any environment.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class FeedsController(ArticleCatalog catalog, ClinicOptions clinic, TimeProvider time) : Controller
{
    [HttpGet("/feed.xml")]
    public IActionResult Feed() =>
        File(AtomFeed.Write(Published(), clinic, time.GetUtcNow()), "application/atom+xml; charset=utf-8");

    [HttpGet("/sitemap.xml")]
    public IActionResult SitemapXml() => File(Sitemap.Write(Published(), clinic), "application/xml; charset=utf-8");

    [HttpGet("/robots.txt")]
    public IActionResult Robots() => Content(Sitemap.Robots(clinic), "text/plain; charset=utf-8");

    private List<Article> Published() => catalog.Listed.Where(a => !a.Draft).ToList();
}
