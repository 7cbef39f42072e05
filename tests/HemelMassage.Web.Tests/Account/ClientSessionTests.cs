using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Account;

/// <summary>The client session's cookie and its row, on a site with secure cookies (over https), as in production.</summary>
public sealed class ClientSessionTests(ClientSessionTests.SecureSite site) : IClassFixture<ClientSessionTests.SecureSite>
{
    public sealed class SecureSite : IDisposable
    {
        public BookingSite Site { get; } = new();

        public SecureSite() => Site.With("Site:SecureCookies", "true");

        public HttpClient Browser(bool cookies = true) => Site.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = cookies, BaseAddress = new Uri("https://localhost"),
        });

        public void Dispose() => Site.Dispose();
    }

    private BookingSite Site => site.Site;

    /// <summary>Signs in and returns the Set-Cookie header of the session cookie.</summary>
    private async Task<(HttpClient Browser, string SetCookie)> SignInAsync(string email)
    {
        await AccountSteps.AddClientAsync(Site, "Dee Session", email);
        var browser = site.Browser();
        await AccountSteps.AskForLinkAsync(browser, email);
        await AccountSteps.SendLinksAsync(Site);
        var link = (await AccountSteps.LinkAsync(Site, email))!;
        var response = await AccountSteps.PressAsync(browser, link);
        Assert.Equal("/account", BookingSite.Location(response));
        return (browser, response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hm-client=", StringComparison.Ordinal)));
    }

    private async Task<bool> SignedInWithAsync(string setCookie)
    {
        var copy = site.Browser(cookies: false);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account");
        request.Headers.Add("Cookie", setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)]);
        var page = await (await copy.SendAsync(request)).Content.ReadAsStringAsync();
        return page.Contains("Hello, Dee Session", StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_session_cookie_is_host_prefixed_secure_http_only_strict_and_ends_with_the_browser()
    {
        var (_, cookie) = await SignInAsync("dee.flags@example.com");

        var flags = cookie.Split(';').Select(p => p.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", flags);
        Assert.Contains("httponly", flags);
        Assert.Contains("samesite=strict", flags);
        Assert.Contains("path=/", flags);
        Assert.DoesNotContain(flags, f => f.StartsWith("domain=", StringComparison.Ordinal) || f.StartsWith("expires=", StringComparison.Ordinal) || f.StartsWith("max-age=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_out_deletes_the_session_so_a_copy_of_the_cookie_stops_working()
    {
        var (browser, cookie) = await SignInAsync("dee.out@example.com");
        Assert.True(await SignedInWithAsync(cookie));

        var home = await browser.GetStringAsync("/account");
        Assert.Equal("/account/signed-out", BookingSite.Location(await browser.PostWithTokenAsync("/account/sign-out", Forms.Token(home))));

        Assert.False(await SignedInWithAsync(cookie));
        Assert.Equal(0, await Site.WithDbAsync(db => db.ClientSessions.CountAsync(s => db.Clients.Any(c => c.Id == s.ClientId && c.Email == "dee.out@example.com"))));
    }

    [Fact]
    public async Task A_session_ends_after_30_idle_minutes_on_the_sites_clock()
    {
        var (_, cookie) = await SignInAsync("dee.idle@example.com");
        Site.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.True(await SignedInWithAsync(cookie));

        Site.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.False(await SignedInWithAsync(cookie));
    }

    [Fact]
    public async Task A_client_who_keeps_moving_stays_signed_in_past_30_minutes_until_4_hours_and_reading_pages_writes_nothing()
    {
        var (browser, _) = await SignInAsync("dee.busy@example.com");
        var rows = () => Site.WithDbAsync(db => db.ClientSessions.AsNoTracking()
            .Where(s => db.Clients.Any(c => c.Id == s.ClientId && c.Email == "dee.busy@example.com"))
            .Select(s => new { s.Id, s.SecretHash, s.CreatedAtUtc }).ToListAsync());
        var before = await rows();

        // Eleven pages, 20 minutes apart: each renews the cookie's 30 idle minutes, and none writes to the session.
        for (var visit = 1; visit < 12; visit++)
        {
            Site.Clock.Advance(TimeSpan.FromMinutes(20));
            Assert.Contains("Hello, Dee Session", await browser.GetStringAsync("/account"));
        }
        Assert.Equal(before, await rows());

        Site.Clock.Advance(TimeSpan.FromMinutes(20));
        Assert.DoesNotContain("Hello, Dee Session", await browser.GetStringAsync("/account"));
    }

    [Fact]
    public async Task A_client_session_opens_no_staff_page()
    {
        var (browser, _) = await SignInAsync("dee.admin@example.com");

        var admin = await browser.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/admin/account/sign-in", admin.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/admin/diary")).StatusCode);
    }
}
