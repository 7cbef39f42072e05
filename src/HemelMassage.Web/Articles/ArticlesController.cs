using HemelMassage.Web.Clinic;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Articles;

public sealed record ArticlePage(Article Article, IReadOnlyList<Article> Related, string JsonLd);

public sealed record TagPage(string Tag, IReadOnlyList<Article> Articles);

/// <summary>The articles, from the in-memory catalogue; anything that is not a known slug or tag is the 404 page.</summary>
[OutputCache(PolicyName = ContentCache.Policy)]
public sealed class ArticlesController(ArticleCatalog catalog, ClinicOptions clinic) : Controller
{
    // Odd or huge segments (%00, ../, 5,000 characters) fail the constraint and fall through to the 404 page.
    private const string Segment = ":maxlength(100):regex(^[[a-z0-9-]]+$)}";

    [HttpGet("/articles")]
    public IActionResult Index() => View(catalog.Listed);

    [HttpGet("/articles/{slug" + Segment)]
    public IActionResult Show(string slug) =>
        catalog.Find(slug) is { } article
            ? View(new ArticlePage(article, catalog.RelatedTo(article), ArticleJsonLd.For(article, clinic)))
            : NotFound();

    [HttpGet("/articles/tags/{tag" + Segment)]
    public IActionResult Tag(string tag) =>
        catalog.Tagged(tag) is { Count: > 0 } articles ? View(new TagPage(tag, articles)) : NotFound();
}
