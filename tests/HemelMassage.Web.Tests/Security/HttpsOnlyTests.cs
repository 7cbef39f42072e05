using System.Net;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Security;

/// <summary>Outside Development the forms need HTTPS-only cookies, so plain HTTP never reaches a page.</summary>
public sealed class HttpsOnlyTests
{
    private static HttpClient PlainHttp(SiteFactory site) =>
        site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://www.hemelmassage.example") });

    [Fact]
    public async Task A_booking_page_over_plain_http_is_sent_to_the_clinics_https_address_instead_of_failing()
    {
        using var site = new SiteFactory().InProduction();
        var client = PlainHttp(site);
        client.DefaultRequestHeaders.Host = "attacker.example";

        var response = await client.GetAsync("/book/times?treatment=deep-tissue&therapist=any");

        Assert.Equal(HttpStatusCode.PermanentRedirect, response.StatusCode);
        Assert.Equal(new Uri("https://www.hemelmassage.example/book/times?treatment=deep-tissue&therapist=any"), response.Headers.Location);
    }

    [Fact]
    public async Task The_health_check_still_answers_over_plain_http_for_a_load_balancer()
    {
        using var site = new SiteFactory().InProduction();

        var response = await PlainHttp(site).GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_request_forwarded_by_an_unlisted_proxy_is_not_redirected_round_in_a_loop()
    {
        using var site = new SiteFactory().InProduction();
        var client = PlainHttp(site);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task With_secure_cookies_switched_off_the_booking_form_works_over_plain_http()
    {
        // A stopped clock: on the machine's, the first time offered can fall inside the minimum notice before it is posted.
        using var site = new SiteFactory().InProduction().With("Site:SecureCookies", "false")
            .WithServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Booking.BookingSite.Monday)));
        var client = PlainHttp(site);
        var times = await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any");
        var start = System.Text.RegularExpressions.Regex.Match(times, "name=\"Start\" value=\"([^\"]+)\"").Groups[1].Value;

        var chosen = await client.PostAsync("/book/times", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "any", ["Start"] = start,
        }));
        var details = await client.GetAsync(chosen.Headers.Location);

        Assert.Equal(HttpStatusCode.OK, details.StatusCode);
        Assert.Contains("__RequestVerificationToken", await details.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(details.Headers.GetValues("Set-Cookie"), c => c.StartsWith("hm-af=", StringComparison.Ordinal));
    }
}
