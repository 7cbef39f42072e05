using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public sealed class UnsafeMarkdownTests : IDisposable
{
    private const string Hostile = """
        Before the trap.

        <script>alert('script')</script>

        <img src="x" onerror="alert('img')">

        <div onclick="alert('div')">Click</div>

        [A javascript link](javascript:alert('link')) and [a data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
        and [a shouty one](JaVaScRiPt:alert('caps')) and ![an image](javascript:alert('image'))

        <a href="javascript:alert('raw')">raw link</a>

        [Phone us](tel:01442000000), [email us](mailto:hello@hemelmassage.example), [book](/book) and [read more](https://example.org/page).

        After the trap.
        """;

    private readonly ArticleFolder _content = new ArticleFolder().Article("trap", Hostile);

    [Fact]
    public async Task Raw_html_scripts_event_handlers_and_javascript_or_data_links_never_reach_the_page_as_code()
    {
        using var site = new SiteFactory().WithArticles(_content);

        var html = await site.CreatePageClient().GetStringAsync("/articles/trap");

        var body = html[html.IndexOf("<div class=\"article-body\">", StringComparison.Ordinal)..html.IndexOf("<aside class=\"cta\"", StringComparison.Ordinal)];
        Assert.Contains("Before the trap.", body, StringComparison.Ordinal);
        Assert.Contains("After the trap.", body, StringComparison.Ordinal);
        // Escaped text such as "&lt;script&gt;" is harmless; real tags and attributes are what must not survive.
        Assert.DoesNotMatch("(?i)<script", body);
        Assert.DoesNotMatch("(?i)<[a-z]+\\b[^>]*\\son[a-z]+=", body);
        Assert.DoesNotMatch("(?i)<[a-z]+\\b[^>]*\\s(href|src)=\"\\s*(javascript|data|vbscript):", body);
        Assert.Contains("href=\"tel:01442000000\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:hello@hemelmassage.example\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"/book\"", body, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/page\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_only_script_on_an_article_page_is_its_json_ld_data()
    {
        using var site = new SiteFactory().WithArticles(_content);

        var html = await site.CreatePageClient().GetStringAsync("/articles/trap");

        var scripts = html.Split("<script", StringSplitOptions.None).Skip(1).ToList();
        Assert.All(scripts, s => Assert.StartsWith(" type=\"application/ld+json\">", s, StringComparison.Ordinal));
    }

    public void Dispose() => _content.Dispose();
}
