using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Staff;

/// <summary>Two-factor required, on a clock the test moves: authenticator codes are made from its time.</summary>
public sealed class ClockedTwoFactorSite : SiteFactory
{
    public ClockedTwoFactorSite() =>
        With("Staff:RequireTwoFactor", "true").WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 5, TimeSpan.Zero));

    public string CodeNow(string key) => StaffHelpers.Totp(key, Clock.GetUtcNow());
}

[Trait("Database", "Both")]
public sealed partial class TwoFactorTests(ClockedTwoFactorSite site) : IClassFixture<ClockedTwoFactorSite>
{
    [Fact]
    public async Task When_two_factor_is_required_a_member_of_staff_without_it_is_sent_to_set_it_up_for_every_admin_page()
    {
        var (client, _) = await site.SignedInAsAsync("Owner");

        foreach (var path in new[] { "/admin", "/admin/staff", "/admin/account" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/account/two-factor", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/account/two-factor")).StatusCode);
        var reset = await client.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor/reset", []);
        Assert.Equal("/admin/account/two-factor", reset.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/admin/account/two-factor", "/admin/account/sign-out", [])).StatusCode);
        Assert.StartsWith("/admin/account/sign-in", (await client.GetAsync("/admin")).Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_setting_up_an_authenticator_the_dashboard_opens_and_the_next_sign_in_asks_for_a_code()
    {
        var (client, user) = await site.SignedInAsAsync("Therapist");
        var setup = await (await client.GetAsync("/admin/account/two-factor")).Content.ReadAsStringAsync();
        var key = SharedKey().Match(setup).Groups[1].Value;
        Assert.Contains("otpauth://totp/", setup, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor", new() { ["Code"] = "000000" });
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await client.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor",
            new() { ["Code"] = site.CodeNow(key) });
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        // The code that turned it on has been used; the next sign-in takes the app's next one.
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = site.CreatePageClient();
        var signIn = await second.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        Assert.StartsWith("/admin/account/sign-in/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        var withCode = await second.PostFormAsync("/admin/account/sign-in/two-factor", "/admin/account/sign-in/two-factor",
            new() { ["Code"] = site.CodeNow(key) });
        Assert.True(withCode.StatusCode == HttpStatusCode.Redirect, await withCode.Content.ReadAsStringAsync());
        Assert.Equal("/admin", withCode.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/admin")).StatusCode);

        var third = site.CreatePageClient();
        await third.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        var withRecovery = await third.PostFormAsync("/admin/account/sign-in/recovery-code", "/admin/account/sign-in/recovery-code",
            new() { ["Code"] = codes[0] });
        Assert.Equal("/admin", withRecovery.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await third.GetAsync("/admin")).StatusCode);

        var reset = await third.PostFormAsync("/admin/account", "/admin/account/two-factor/reset", []);
        Assert.Equal("/admin/account/two-factor", reset.Headers.Location!.OriginalString);
        Assert.Equal("/admin/account/two-factor", (await third.GetAsync("/admin")).Headers.Location!.OriginalString);
        using var scope = site.Services.CreateScope();
        var actions = scope.ServiceProvider.GetRequiredService<ClinicDbContext>().AuditEntries.Where(a => a.Subject == user.Email).Select(a => a.Action).ToList();
        Assert.Contains("staff.two-factor-enabled", actions);
        Assert.Contains("staff.two-factor-reset", actions);
    }

    [Fact]
    public async Task An_authenticator_code_signs_in_once_and_anyone_who_saw_it_cannot_use_it_again()
    {
        var (user, key) = await EnrolledAsync("Owner");
        var code = site.CodeNow(key);

        Assert.Equal("/admin", (await CodeSignInAsync(site.CreatePageClient(), user.Email!, code)).Headers.Location!.OriginalString);

        // Someone who read the code over her shoulder, and has her password, tries it a few seconds later.
        site.Clock.Advance(TimeSpan.FromSeconds(10));
        var onlooker = site.CreatePageClient();
        var replay = await CodeSignInAsync(onlooker, user.Email!, code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("That code is not right", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await onlooker.GetAsync("/admin")).StatusCode);

        site.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal("/admin", (await CodeSignInAsync(site.CreatePageClient(), user.Email!, site.CodeNow(key))).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_same_code_posted_from_two_browsers_at_once_signs_in_only_one()
    {
        var (user, key) = await EnrolledAsync("Therapist");
        var browsers = new[] { site.CreatePageClient(), site.CreatePageClient() };
        var forms = new List<FormUrlEncodedContent>();
        foreach (var browser in browsers)
        {
            await browser.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
            var token = Forms.Token(await browser.GetStringAsync("/admin/account/sign-in/two-factor"));
            forms.Add(new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = site.CodeNow(key), ["__RequestVerificationToken"] = token }));
        }

        var answers = await Task.WhenAll(browsers.Select((b, i) => b.PostAsync("/admin/account/sign-in/two-factor", forms[i])));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Once_two_factor_is_on_the_set_up_page_never_shows_the_key_again_whatever_is_posted_to_it()
    {
        var (client, _) = await site.SignedInAsAsync("Reception");
        var key = SharedKey().Match(await client.GetStringAsync("/admin/account/two-factor")).Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await client.PostFormAsync("/admin/account/two-factor", "/admin/account/two-factor",
            new() { ["Code"] = site.CodeNow(key) })).StatusCode);
        site.Clock.Advance(TimeSpan.FromSeconds(30));

        foreach (var code in new[] { "000000", "", "not a code", site.CodeNow(key) })
        {
            var posted = await client.PostFormAsync("/admin/account", "/admin/account/two-factor", new() { ["Code"] = code });
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            Assert.Equal("/admin/account", posted.Headers.Location!.OriginalString);
            AssertNoKey(await posted.Content.ReadAsStringAsync(), key);
        }
        var page = await client.GetAsync("/admin/account/two-factor");
        Assert.Equal("/admin/account", page.Headers.Location!.OriginalString);
        AssertNoKey(await client.GetStringAsync("/admin/account"), key);
    }

    private static void AssertNoKey(string html, string groupedKey)
    {
        Assert.DoesNotContain(groupedKey, html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(groupedKey.Replace(" ", "", StringComparison.Ordinal), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("otpauth://", html, StringComparison.Ordinal);
    }

    /// <summary>A member of staff whose authenticator app is set up, and its key.</summary>
    private async Task<(StaffUser User, string Key)> EnrolledAsync(string role)
    {
        var created = await site.CreateStaffAsync(role);
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByIdAsync(created.Id))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        return (user, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private static async Task<HttpResponseMessage> CodeSignInAsync(HttpClient client, string email, string code)
    {
        var password = await client.SignInAsync(email, StaffHelpers.GoodPassword);
        Assert.StartsWith("/admin/account/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return await client.PostFormAsync("/admin/account/sign-in/two-factor", "/admin/account/sign-in/two-factor", new() { ["Code"] = code });
    }

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCode();
}
