using System.Net;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Site;

public sealed class PublicPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Theory]
    [InlineData("/", "Your body is all connected")]
    [InlineData("/treatments", "Sports and remedial massage")]
    [InlineData("/about", "About Hemel Massage")]
    [InlineData("/contact", "Opening hours")]
    [InlineData("/privacy", "special-category data")]
    public async Task Each_clinic_page_answers_with_its_content_and_a_way_to_book(string path, string expected)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains("href=\"/book\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"description\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/treatments")]
    [InlineData("/about")]
    [InlineData("/contact")]
    [InlineData("/privacy")]
    [InlineData("/book")]
    [InlineData("/articles")]
    public async Task Each_clinic_page_calls_a_booked_hour_a_booking_never_an_appointment(string path)
    {
        var html = await _client.GetStringAsync(path);

        Assert.DoesNotContain("appointment", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_treatments_page_shows_every_treatment_as_sixty_minutes_with_a_price()
    {
        var html = await _client.GetStringAsync("/treatments");

        foreach (var name in new[] { "Sports and remedial massage", "Deep tissue massage", "Swedish relaxation massage", "Pregnancy massage" })
        {
            Assert.Contains(name, html, StringComparison.Ordinal);
        }
        Assert.Contains("60 minutes", html, StringComparison.Ordinal);
        Assert.Matches(@"£\d+", html);
        Assert.Contains("/articles/why-no-stand-alone-back-massage", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/articles/no-such-article")]
    [InlineData("/articles/tags/no-such-tag")]
    [InlineData("/articles/%2500")]
    [InlineData("/articles/..%2F..%2Fappsettings.json")]
    [InlineData("/articles/../../etc/passwd")]
    public async Task Unknown_or_odd_addresses_get_the_helpful_404_page(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sorry, we can't find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_five_thousand_character_slug_is_a_404_not_an_error()
    {
        var response = await _client.GetAsync("/articles/" + new string('a', 5000));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_health_check_answers_when_the_database_does()
    {
        var response = await _client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_canonical_address_comes_from_the_configured_site_address_not_the_host_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/treatments");
        request.Headers.Host = "evil.example";

        var html = await (await _client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost:5065/treatments\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }
}
