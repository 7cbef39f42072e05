using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

public sealed partial class TwoFactorTests(TwoFactorSiteFactory site) : IClassFixture<TwoFactorSiteFactory>
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
            new() { ["Code"] = StaffHelpers.Totp(key, DateTimeOffset.UtcNow) });
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var second = site.CreatePageClient();
        var signIn = await second.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        Assert.StartsWith("/admin/account/sign-in/two-factor", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        var withCode = await second.PostFormAsync("/admin/account/sign-in/two-factor", "/admin/account/sign-in/two-factor",
            new() { ["Code"] = StaffHelpers.Totp(key, DateTimeOffset.UtcNow) });
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

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("<li>([A-Z0-9]{5}-[A-Z0-9]{5})</li>")]
    private static partial Regex RecoveryCode();
}
