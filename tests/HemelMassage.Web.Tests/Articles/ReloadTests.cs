using System.Diagnostics;
using System.Net;
using HemelMassage.Web.Articles;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Articles;

public sealed class ReloadTests : IDisposable
{
    private const string Seed = "why-no-stand-alone-back-massage";
    private const string Sentence = "Tight hamstring muscles are one of the top causes of back pain";
    private readonly ArticleFolder _content = new(withRepositoryArticles: true);
    private readonly SiteFactory _site;
    private readonly HttpClient _client;

    public ReloadTests()
    {
        _site = new SiteFactory().WithArticles(_content);
        _client = _site.CreatePageClient();
    }

    private string SeedFile => Path.Combine(_content.Path, Seed + ".md");

    [Fact]
    public async Task An_article_edited_on_disk_is_served_without_a_restart()
    {
        Assert.Contains(Sentence, await _client.GetStringAsync("/articles/" + Seed), StringComparison.Ordinal);

        await File.WriteAllTextAsync(SeedFile, (await File.ReadAllTextAsync(SeedFile)).Replace(Sentence, "Edited while the site was running", StringComparison.Ordinal));

        var html = await PollAsync("/articles/" + Seed, page => page.Contains("Edited while the site was running", StringComparison.Ordinal));
        Assert.DoesNotContain(Sentence, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_article_reaches_the_output_cached_list_and_feed_without_a_restart()
    {
        await _client.GetStringAsync("/feed.xml");
        await _client.GetStringAsync("/articles");
        var again = await _client.GetAsync("/articles");
        Assert.NotNull(again.Headers.Age);

        _content.Article("brand-new-article", "Fresh from the therapists.");

        await PollAsync("/articles", page => page.Contains("/articles/brand-new-article", StringComparison.Ordinal));
        Assert.Contains("brand-new-article", await _client.GetStringAsync("/feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_article_becomes_the_404_page_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/articles/" + Seed)).StatusCode);
        Assert.Contains($"<h2><a href=\"/articles/{Seed}\">", await _client.GetStringAsync("/articles"), StringComparison.Ordinal);

        File.Delete(SeedFile);

        // The footer links the seed article on every page; the list's own entries are headings.
        await PollAsync("/articles", page => !page.Contains($"<h2><a href=\"/articles/{Seed}\">", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/articles/" + Seed)).StatusCode);
    }

    [Fact]
    public async Task A_file_broken_while_running_leaves_the_previous_articles_in_place()
    {
        await _client.GetStringAsync("/articles/" + Seed);
        var watcher = _site.Services.GetRequiredService<ArticleWatcher>();

        await File.WriteAllTextAsync(SeedFile, "---\ntitle: Broken: no quotes\n---\nHalf an article");

        Assert.False(await watcher.ReloadAsync());
        var html = await _client.GetStringAsync("/articles/" + Seed);
        Assert.Contains(Sentence, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Half an article", html, StringComparison.Ordinal);
    }

    private async Task<string> PollAsync(string path, Func<string, bool> done)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var page = await _client.GetStringAsync(path);
            if (done(page))
            {
                return page;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{path} did not change within 10 seconds.");
            await Task.Delay(100);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _site.Dispose();
        _content.Dispose();
    }
}
