using System.Net;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Security;

public sealed class RateLimitTests
{
    private static BookingSite Limited(string policy, int permits)
    {
        var site = new BookingSite();
        site.With($"RateLimits:{policy}:PermitLimit", permits.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With($"RateLimits:{policy}:Window", "00:10:00")
            .WithPeerAddresses();
        return site;
    }

    private static void AssertTooMany(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = Assert.Single(response.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 600);
    }

    private static Task<HttpResponseMessage> PostSlot(HttpClient client) =>
        client.PostFormAsync(BookingJourney.TimesPage, "/book/times",
            new Dictionary<string, string> { ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-08T10:00Z" });

    [Fact]
    public async Task Too_many_booking_posts_from_one_address_get_429_with_retry_after_and_another_address_is_unaffected()
    {
        using var site = Limited("Booking", 3);
        var bot = site.CreatePageClient().From("203.0.113.7");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await PostSlot(bot)).StatusCode);
        }

        AssertTooMany(await PostSlot(bot));
        Assert.Equal(HttpStatusCode.OK, (await bot.GetAsync("/book")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PostSlot(site.CreatePageClient().From("198.51.100.20"))).StatusCode);
    }

    [Fact]
    public async Task Guessing_manage_links_is_limited_on_get_and_post()
    {
        using var site = Limited("Manage", 4);
        var guesser = site.CreatePageClient().From("203.0.113.8");
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.GetAsync($"/booking/guess{i:D40}")).StatusCode);
        }

        AssertTooMany(await guesser.GetAsync("/booking/another-guess"));
        AssertTooMany(await guesser.PostAsync("/booking/another-guess/cancel", new FormUrlEncodedContent([])));
        Assert.Equal(HttpStatusCode.NotFound, (await site.CreatePageClient().From("198.51.100.21").GetAsync("/booking/honest-typo")).StatusCode);
    }

    [Fact]
    public async Task Staff_sign_in_posts_are_limited_per_address()
    {
        using var site = Limited("SignIn", 2);
        var bot = site.CreatePageClient().From("203.0.113.9");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await bot.SignInAsync("nobody@example.com", "wrong password " + i)).StatusCode);
        }

        AssertTooMany(await bot.SignInAsync("nobody@example.com", "wrong password again"));
        Assert.Equal(HttpStatusCode.OK, (await site.CreatePageClient().From("198.51.100.22").SignInAsync("nobody@example.com", "a wrong password")).StatusCode);
    }

    [Fact]
    public async Task With_no_proxy_configured_a_fresh_forwarded_address_per_request_does_not_dodge_the_limit()
    {
        using var site = Limited("Manage", 2);
        var bot = site.CreatePageClient().From("203.0.113.60");
        Task<HttpResponseMessage> GuessAs(string forwardedFor)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/booking/guess-" + forwardedFor);
            request.Headers.Add("X-Forwarded-For", forwardedFor);
            return bot.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await GuessAs("198.51.100.31")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await GuessAs("198.51.100.32")).StatusCode);
        AssertTooMany(await GuessAs("198.51.100.33"));
        AssertTooMany(await GuessAs("2001:db8::34"));
    }

    [Fact]
    public async Task With_no_proxy_configured_a_clients_x_forwarded_proto_does_not_make_plain_http_count_as_https()
    {
        using var site = new SiteFactory().InProduction().With("Site:SecureCookies", "false");
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://www.hemelmassage.example") });
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // HSTS is only ever sent over HTTPS.
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_startup_with_a_message_naming_the_setting()
    {
        using var site = new SiteFactory().With("Site:KnownProxies:0", "proxy.internal");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Site:KnownProxies", failure.Message, StringComparison.Ordinal);
        Assert.Contains("proxy.internal", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forwarded_addresses_count_only_when_they_come_from_a_configured_proxy()
    {
        using var site = Limited("Manage", 1);
        site.With("Site:KnownProxies:0", "10.0.0.5");
        HttpClient Via(string peer, string forwardedFor)
        {
            var client = site.CreatePageClient().From(peer);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return client;
        }

        // Through the trusted proxy each client has its own allowance.
        Assert.Equal(HttpStatusCode.NotFound, (await Via("10.0.0.5", "198.51.100.1").GetAsync("/booking/a")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Via("10.0.0.5", "198.51.100.2").GetAsync("/booking/a")).StatusCode);
        // Anyone else's X-Forwarded-For is ignored: a bot cannot pick a fresh address per request.
        Assert.Equal(HttpStatusCode.NotFound, (await Via("203.0.113.50", "198.51.100.3").GetAsync("/booking/a")).StatusCode);
        AssertTooMany(await Via("203.0.113.50", "198.51.100.4").GetAsync("/booking/a"));
    }
}
