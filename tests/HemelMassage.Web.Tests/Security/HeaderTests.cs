using System.Net;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Security;

/// <summary>
/// The pages' headers are read from one shared site; a site of its own where a test needs production
/// settings or the real server (Kestrel is set up before the site starts).
/// </summary>
public sealed class HeaderTests(SiteFactory shared) : IClassFixture<SiteFactory>
{
    private static string One(HttpResponseMessage response, string name) =>
        string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

    [Theory]
    [InlineData("/")]
    [InlineData("/articles")]
    [InlineData("/book")]
    [InlineData("/admin/account/sign-in")]
    [InlineData("/no-such-page")]
    public async Task Every_kind_of_page_carries_the_full_set_of_protective_headers(string path)
    {
        var response = await shared.CreatePageClient().GetAsync(path);

        var csp = One(response, "Content-Security-Policy");
        var scriptSrc = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal("script-src 'self'", scriptSrc);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", One(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", One(response, "X-Frame-Options"));
        Assert.NotEmpty(One(response, "Referrer-Policy"));
        Assert.Contains("camera=()", One(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("geolocation=()", One(response, "Permissions-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_with_personal_details_are_never_stored_and_manage_pages_send_no_referrer()
    {
        using var site = new BookingSite();
        var logs = CapturedLogs.On(site);
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var key = await journey.UpToReviewAsync("2026-12-10T10:00Z");
        var done = BookingSite.Location(await journey.ConfirmAsync(key));
        var manage = SecuritySteps.ManageLink(await client.GetStringAsync(done));

        foreach (var path in new[] { "/book/details/" + key, "/book/review/" + key, done, manage, manage + "/reschedule", "/admin/account/sign-in", "/admin" })
        {
            var response = await client.GetAsync(path);
            Assert.True(One(response, "Cache-Control").Contains("no-store", StringComparison.Ordinal), path + " is not no-store");
        }
        // Each of those pages has a form: antiforgery found the header already as it wants it, so it logged nothing.
        Assert.DoesNotContain(logs.Lines, line => line.Contains("have been overridden", StringComparison.Ordinal));
        foreach (var path in new[] { manage, manage + "/reschedule", done })
        {
            Assert.Equal("no-referrer", One(await client.GetAsync(path), "Referrer-Policy"));
        }
    }

    [Fact]
    public async Task Production_asks_browsers_to_use_https_for_a_year()
    {
        using var site = new SiteFactory().InProduction();
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });

        var response = await client.GetAsync("/");

        Assert.Contains("max-age=31536000", One(response, "Strict-Transport-Security"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_real_server_does_not_name_itself()
    {
        using var site = new SiteFactory();
        using var client = new HttpClient { BaseAddress = site.StartOnLoopback() };

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("X-Powered-By"));
    }
}
