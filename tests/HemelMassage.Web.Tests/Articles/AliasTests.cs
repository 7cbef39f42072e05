using System.Net;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public sealed class AliasTests : IDisposable
{
    private readonly ArticleFolder _content = new ArticleFolder()
        .Article("hamstrings", extraYaml: "aliases: [/blog/hamstrings-and-back-pain, /articles/old-hamstrings/]");

    [Theory]
    [InlineData("/blog/hamstrings-and-back-pain")]
    [InlineData("/blog/hamstrings-and-back-pain/")]
    [InlineData("/BLOG/Hamstrings-And-Back-Pain")]
    [InlineData("/articles/old-hamstrings")]
    public async Task An_old_address_redirects_permanently_to_the_article(string oldAddress)
    {
        using var site = new SiteFactory().WithArticles(_content);

        var response = await site.CreatePageClient().GetAsync(oldAddress);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/articles/hamstrings", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_redirect_never_points_at_the_host_the_request_named()
    {
        using var site = new SiteFactory().WithArticles(_content);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/blog/hamstrings-and-back-pain");
        request.Headers.Host = "evil.example";

        var response = await site.CreatePageClient().SendAsync(request);

        Assert.Equal("/articles/hamstrings", response.Headers.Location?.OriginalString);
    }

    public void Dispose() => _content.Dispose();
}
