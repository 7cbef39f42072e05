using System.Net;
using System.Xml.Linq;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public sealed class FeedsTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static readonly XNamespace s_atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace s_sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly HttpClient _client = site.CreatePageClient();

    [Fact]
    public async Task The_atom_feed_is_well_formed_and_names_every_article_with_absolute_addresses()
    {
        var response = await _client.GetAsync("/feed.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        var entries = feed.Elements(s_atom + "entry").ToList();
        Assert.Equal(5, entries.Count);
        var seed = entries.Single(e => e.Element(s_atom + "title")!.Value == "Why Hemel Massage doesn't offer a stand-alone back massage");
        Assert.Equal("http://localhost:5065/articles/why-no-stand-alone-back-massage", seed.Element(s_atom + "id")!.Value);
        Assert.Equal("2025-03-10T00:00:00Z", seed.Element(s_atom + "updated")!.Value);
        Assert.StartsWith("Why we always recommend", seed.Element(s_atom + "summary")!.Value, StringComparison.Ordinal);
        Assert.Contains("Tight hamstring muscles", seed.Element(s_atom + "content")!.Value, StringComparison.Ordinal);
        Assert.Equal("http://localhost:5065/feed.xml", feed.Elements(s_atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);
    }

    [Fact]
    public async Task The_sitemap_is_well_formed_and_lists_every_public_page_with_article_dates()
    {
        var response = await _client.GetAsync("/sitemap.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var urls = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements(s_sitemap + "url")
            .ToDictionary(u => u.Element(s_sitemap + "loc")!.Value, u => u.Element(s_sitemap + "lastmod")?.Value);
        foreach (var page in new[] { "/", "/treatments", "/articles", "/about", "/contact", "/privacy", "/book", "/articles/tags/back-pain" })
        {
            Assert.Contains("http://localhost:5065" + page, urls.Keys);
        }
        Assert.Equal("2025-03-10", urls["http://localhost:5065/articles/why-no-stand-alone-back-massage"]);
        Assert.Equal(5, urls.Keys.Count(u => u.StartsWith("http://localhost:5065/articles/", StringComparison.Ordinal) && !u.Contains("/tags/", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Robots_rules_keep_crawlers_out_of_the_admin_area_and_booking_links_and_name_the_sitemap()
    {
        var response = await _client.GetAsync("/robots.txt");

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin", lines);
        Assert.Contains("Disallow: /booking/", lines);
        Assert.Contains("Disallow: /calendar/", lines);
        Assert.Contains("Sitemap: http://localhost:5065/sitemap.xml", lines);
    }
}
