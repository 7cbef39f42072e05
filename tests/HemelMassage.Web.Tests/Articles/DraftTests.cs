using System.Net;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public sealed class DraftTests : IDisposable
{
    private readonly ArticleFolder _content = new ArticleFolder()
        .Article("published-piece", extraYaml: "tags: [shared]")
        .Article("work-in-progress", "Not ready yet.", "draft: true", "tags: [shared, secret-tag]", "aliases: [/blog/draft]");

    [Fact]
    public async Task In_production_a_draft_is_a_404_and_appears_in_no_list_feed_sitemap_tag_or_alias()
    {
        using var site = new SiteFactory().WithArticles(_content).InProduction();
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/work-in-progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/articles/tags/secret-tag")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/blog/draft")).StatusCode);
        foreach (var page in new[] { "/articles", "/articles/tags/shared", "/feed.xml", "/sitemap.xml", "/", "/articles/published-piece" })
        {
            var body = await client.GetStringAsync(page);
            Assert.Contains("published-piece", body, StringComparison.Ordinal);
            Assert.DoesNotContain("work-in-progress", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Outside_production_a_draft_can_be_read_and_is_marked_as_a_draft_but_never_fed_to_crawlers()
    {
        using var site = new SiteFactory().WithArticles(_content);
        var client = site.CreatePageClient();

        var page = await client.GetStringAsync("/articles/work-in-progress");
        Assert.Contains("This is a draft", page, StringComparison.Ordinal);
        Assert.Contains("Not ready yet.", page, StringComparison.Ordinal);
        var list = await client.GetStringAsync("/articles");
        Assert.Contains("<strong class=\"draft\">Draft</strong>", list, StringComparison.Ordinal);
        Assert.Contains("/articles/work-in-progress", list, StringComparison.Ordinal);
        Assert.DoesNotContain("work-in-progress", await client.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain("work-in-progress", await client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();
}
