using System.Diagnostics;
using System.Net;
using HemelMassage.Web.Articles;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Performance;

public sealed class CachedArticleTests
{
    private const string Seed = "/articles/why-no-stand-alone-back-massage";

    [Fact]
    public async Task A_thousand_cached_article_requests_render_no_markdown_and_run_no_sql()
    {
        var sql = new RequestSqlCounter();
        using var site = new SiteFactory();
        sql.AttachTo(site);
        var client = site.CreatePageClient();
        sql.Start(site.Services);
        var renderer = site.Services.GetRequiredService<ArticleRenderer>();
        await client.GetStringAsync(Seed);

        var renders = renderer.Renders;
        sql.Clear();
        for (var i = 0; i < 1000; i++)
        {
            using var response = await client.GetAsync(Seed);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal(0, renderer.Renders - renders);
        Assert.Equal(0, sql.Count);
    }

    [Fact]
    public async Task Renders_equal_the_distinct_article_versions_however_often_pages_are_read()
    {
        using var content = new ArticleFolder(withRepositoryArticles: true);
        content.Article("steady-state", "Version one.");
        using var site = new SiteFactory().WithArticles(content);
        var client = site.CreatePageClient();
        var renderer = site.Services.GetRequiredService<ArticleRenderer>();
        await ReadEverythingAsync(client);
        var renders = renderer.Renders;

        foreach (var version in new[] { "Version two.", "Version three." })
        {
            content.Article("steady-state", version);
            await PollAsync(client, "/articles/steady-state", version);
            await ReadEverythingAsync(client);
        }

        // Two edits of one file among many: two renders, not one per file per reload, none per read.
        Assert.Equal(2, renderer.Renders - renders);
    }

    private static async Task ReadEverythingAsync(HttpClient client)
    {
        for (var i = 0; i < 20; i++)
        {
            foreach (var path in new[] { "/", "/articles", "/articles/steady-state", Seed, "/feed.xml" })
            {
                await client.GetStringAsync(path);
            }
        }
    }

    private static async Task PollAsync(HttpClient client, string path, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!(await client.GetStringAsync(path)).Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{path} did not show '{text}' within 10 seconds.");
            await Task.Delay(100);
        }
    }
}
