using System.Net;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Staff;

/// <summary>Wrong passwords slow their source down; nobody can lock a member of staff out (rules in <see cref="SignInThrottle"/>).</summary>
public sealed class SignInThrottleTests : IDisposable
{
    private const string TooMany = "Too many attempts. Wait ";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly SiteFactory _site;

    public SignInThrottleTests() =>
        _site = new SiteFactory().WithPeerAddresses().WithServices(services => services.AddSingleton<TimeProvider>(_clock));

    public void Dispose() => _site.Dispose();

    private HttpClient Browser(string address) => _site.CreatePageClient().From(address);

    private static async Task<string> TextAsync(HttpResponseMessage response) => await response.Content.ReadAsStringAsync();

    [Fact]
    public async Task A_strangers_wrong_passwords_slow_the_stranger_down_and_never_keep_the_owner_out()
    {
        var owner = await _site.CreateStaffAsync("Owner");
        var stranger = Browser("203.0.113.9");
        for (var i = 1; i <= SignInThrottle.FreeFromOneAddress; i++)
        {
            Assert.Contains(SignInController.NoMatch, await TextAsync(await stranger.SignInAsync(owner.Email!, "guess number " + i)), StringComparison.Ordinal);
        }

        var slowed = await stranger.SignInAsync(owner.Email!, "guess number 6");
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.Contains("Too many attempts. Wait 1 minute, then try again.", await TextAsync(slowed), StringComparison.Ordinal);
        Assert.Equal("60", Assert.Single(slowed.Headers.GetValues("Retry-After")));
        // While it must wait, even the right password is not tried for it.
        var lucky = await stranger.SignInAsync(owner.Email!, StaffHelpers.GoodPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, lucky.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin")).StatusCode);
        for (var i = 0; i < 20; i++)
        {
            await stranger.SignInAsync(owner.Email!, "another guess " + i);
        }

        var atTheClinic = Browser("198.51.100.7");
        var signedIn = await atTheClinic.SignInAsync(owner.Email!, StaffHelpers.GoodPassword);
        Assert.Equal("/admin", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await atTheClinic.GetAsync("/admin")).StatusCode);
        using var scope = _site.Services.CreateScope();
        var account = await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByIdAsync(owner.Id);
        Assert.Null(account!.LockoutEnd);
    }

    [Fact]
    public async Task Each_further_failure_from_that_address_doubles_the_wait_up_to_fifteen_minutes()
    {
        var user = await _site.CreateStaffAsync("Reception");
        var guesser = Browser("203.0.113.10");
        for (var i = 0; i < SignInThrottle.FreeFromOneAddress; i++)
        {
            await guesser.SignInAsync(user.Email!, "wrong " + i);
        }

        foreach (var minutes in new[] { 1, 2, 4, 8, 15, 15 })
        {
            var refused = await guesser.SignInAsync(user.Email!, "wrong again");
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Contains($"{TooMany}{minutes} minute", await TextAsync(refused), StringComparison.Ordinal);
            _clock.Advance(TimeSpan.FromMinutes(minutes) - TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SignInAsync(user.Email!, "wrong again")).StatusCode);
            _clock.Advance(TimeSpan.FromSeconds(1));
            Assert.Contains(SignInController.NoMatch, await TextAsync(await guesser.SignInAsync(user.Email!, "wrong again")), StringComparison.Ordinal);
        }

        // A day without failures and the slate is clean.
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal("/admin", (await guesser.SignInAsync(user.Email!, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task One_address_trying_many_accounts_is_slowed_down_after_twenty_failures_and_nobody_else_is()
    {
        var user = await _site.CreateStaffAsync("Therapist");
        var stuffer = Browser("203.0.113.11");
        for (var i = 0; i < SignInThrottle.FreePerAddress; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await stuffer.SignInAsync($"someone{i}@example.com", "leaked password " + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await stuffer.SignInAsync(user.Email!, StaffHelpers.GoodPassword)).StatusCode);
        Assert.Equal("/admin", (await Browser("198.51.100.8").SignInAsync(user.Email!, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Guesses_from_many_addresses_slow_down_new_browsers_on_that_account_but_not_a_browser_its_owner_has_used()
    {
        var owner = await _site.CreateStaffAsync("Owner");
        var ownersPhone = Browser("198.51.100.9");
        Assert.Equal(HttpStatusCode.Redirect, (await ownersPhone.SignInAsync(owner.Email!, StaffHelpers.GoodPassword)).StatusCode);
        await ownersPhone.PostFormAsync("/admin", "/admin/account/sign-out", []);

        for (var i = 1; i <= SignInThrottle.FreePerAccount; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Browser($"203.0.113.{100 + i}").SignInAsync(owner.Email!, "botnet guess " + i)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Browser("192.0.2.44").SignInAsync(owner.Email!, StaffHelpers.GoodPassword)).StatusCode);
        // The same phone on another network: it has signed in to this account before, so it is let in.
        ownersPhone.From("192.0.2.200");
        Assert.Equal("/admin", (await ownersPhone.SignInAsync(owner.Email!, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task An_ipv6_client_is_counted_by_its_64_so_a_fresh_address_per_guess_does_not_help()
    {
        var user = await _site.CreateStaffAsync("Therapist");
        for (var i = 1; i <= SignInThrottle.FreeFromOneAddress; i++)
        {
            await Browser($"2001:db8:1:2::{i:x}").SignInAsync(user.Email!, "wrong " + i);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await Browser("2001:db8:1:2:ffff::1").SignInAsync(user.Email!, "wrong again")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Browser("2001:db8:1:3::1").SignInAsync(user.Email!, StaffHelpers.GoodPassword)).StatusCode);
    }
}
