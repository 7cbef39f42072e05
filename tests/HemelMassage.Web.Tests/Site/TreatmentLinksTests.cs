using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Site;

public sealed class TreatmentLinksTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Fact]
    public async Task Treatment_names_keep_their_capitals_on_the_book_buttons()
    {
        var page = PageText.Of(await _client.GetStringAsync("/treatments"));

        Assert.Contains("Book Swedish relaxation massage for an hour", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Book swedish", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_treatment_card_on_the_home_page_links_to_that_treatment()
    {
        var home = await _client.GetStringAsync("/");
        var treatments = await _client.GetStringAsync("/treatments");

        Assert.Contains("<h3><a href=\"/treatments#swedish-relaxation\">Swedish relaxation massage</a></h3>", home, StringComparison.Ordinal);
        Assert.Contains("<h3><a href=\"/treatments#deep-tissue\">Deep tissue massage</a></h3>", home, StringComparison.Ordinal);
        Assert.Contains("id=\"swedish-relaxation\"", treatments, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/treatments/back-massage")]
    [InlineData("/treatments/Back-Massage")]
    [InlineData("/treatments/neck-and-shoulders")]
    [InlineData("/treatments/30-minute-massage")]
    [InlineData("/treatments/half-hour")]
    public async Task A_treatment_address_asking_for_a_back_or_short_massage_explains_why_and_links_the_article(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Looking for a back massage, or something shorter?", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/why-no-stand-alone-back-massage\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/book?treatment=deep-tissue\"", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost:5065/treatments\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_treatments_own_address_leads_to_its_card()
    {
        var response = await _client.GetAsync("/treatments/deep-tissue");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/treatments#deep-tissue", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Any_other_treatment_address_is_the_friendly_not_found_page()
    {
        var response = await _client.GetAsync("/treatments/hot-air-balloon");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Sorry, we can't find that page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
