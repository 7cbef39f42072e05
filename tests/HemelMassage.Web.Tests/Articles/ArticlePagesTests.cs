using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public sealed class ArticlePagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string Seed = "/articles/why-no-stand-alone-back-massage";
    private readonly HttpClient _client = site.CreatePageClient();

    public static TheoryData<string, string> RepositoryArticles()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Articles, "*.md"))
        {
            var text = File.ReadAllText(file);
            data.Add(Regex.Match(text, @"^slug:\s*(\S+)", RegexOptions.Multiline).Groups[1].Value,
                Regex.Match(text, "^title:\\s*\"?(.+?)\"?\\s*$", RegexOptions.Multiline).Groups[1].Value);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(RepositoryArticles))]
    public async Task Every_article_page_shows_its_title_summary_reading_time_and_a_way_to_book(string slug, string title)
    {
        var response = await _client.GetAsync("/articles/" + slug);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\" content=\"", html, StringComparison.Ordinal);
        Assert.Contains("min read", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/book\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:type\" content=\"article\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_article_carries_the_clinics_own_text_and_links_to_the_treatments()
    {
        var html = await _client.GetStringAsync(Seed);

        Assert.Contains("Tight hamstring muscles are one of the top causes of back pain", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/treatments\">", html, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2025-03-10\">10 March 2025</time>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/tags/back-pain\"", html, StringComparison.Ordinal);
        Assert.Contains("Related articles", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_list_shows_every_article_newest_first_with_date_reading_time_and_tags()
    {
        var html = await _client.GetStringAsync("/articles");

        var order = RepositoryArticles().Select(row => (string)row[0])
            .Select(slug => html.IndexOf($"href=\"/articles/{slug}\"", StringComparison.Ordinal)).ToList();
        Assert.All(order, position => Assert.True(position > 0));
        Assert.True(html.IndexOf("/articles/hip-flexors-weak-abdominals-and-your-back", StringComparison.Ordinal)
            < html.IndexOf(Seed, StringComparison.Ordinal), "Newest (September 2025) comes before oldest (March 2025).");
        Assert.Contains("min read", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/tags/", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/book\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tag_page_lists_only_the_articles_with_that_tag()
    {
        var html = await _client.GetStringAsync("/articles/tags/first-visit");

        Assert.Contains("Articles about first visit", html, StringComparison.Ordinal);
        Assert.Contains("/articles/your-first-one-hour-treatment", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/articles/iliotibial-band-itb-outer-thigh\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/Why-No-Stand-Alone-Back-Massage")]
    [InlineData("/articles/tags")]
    [InlineData("/articles/tags/%3Cscript%3E")]
    [InlineData("/articles/why-no-stand-alone-back-massage/extra")]
    public async Task Addresses_that_are_not_an_article_or_a_tag_get_the_404_page(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_huge_tag_is_a_404_not_an_error()
    {
        var response = await _client.GetAsync("/articles/tags/" + new string('x', 5000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_canonical_address_comes_from_the_configured_site_address_even_with_another_host()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Seed);
        request.Headers.Host = "evil.example";

        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains($"<link rel=\"canonical\" href=\"http://localhost:5065{Seed}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:url\" content=\"http://localhost:5065{Seed}\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_article_page_describes_itself_and_the_clinic_in_json_ld()
    {
        var html = await _client.GetStringAsync(Seed);

        var json = Regex.Match(html, "<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var document = JsonDocument.Parse(json);
        var graph = document.RootElement.GetProperty("@graph").EnumerateArray().ToList();
        var article = graph.Single(n => n.GetProperty("@type").GetString() == "Article");
        var clinic = graph.Single(n => n.GetProperty("@type").GetString() == "HealthAndBeautyBusiness");
        Assert.Equal("Why Hemel Massage doesn't offer a stand-alone back massage", article.GetProperty("headline").GetString());
        Assert.Equal("2025-03-10", article.GetProperty("datePublished").GetString());
        Assert.Equal("2025-03-10", article.GetProperty("dateModified").GetString());
        Assert.Equal("http://localhost:5065" + Seed, article.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal(clinic.GetProperty("@id").GetString(), article.GetProperty("publisher").GetProperty("@id").GetString());
        Assert.Equal("HealthAndBeautyBusiness", article.GetProperty("author").GetProperty("@type").GetString());
        Assert.Equal("Hemel Massage", clinic.GetProperty("name").GetString());
    }
}
