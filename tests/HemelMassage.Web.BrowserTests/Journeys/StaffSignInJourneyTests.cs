using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Journeys;

// The diary journey (find today's booking, mark arrived) waits for /admin/diary; until then this proves the way in.
public sealed class StaffSignInJourneyTests(TwoFactorLiveSite live) : IClassFixture<TwoFactorLiveSite>
{
    [BrowserFact]
    public async Task A_member_of_staff_signs_in_with_a_password_and_an_authenticator_code_and_reaches_the_dashboard()
    {
        var (email, key) = await CreateReceptionistWithAuthenticatorAsync();
        var page = await live.NewPageAsync(Browser.Phone);

        await page.GotoAsync("/admin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
        await Steps.ContinueAsync(page, "Sign in");

        Assert.Contains("/admin/account/sign-in/two-factor", page.Url, StringComparison.Ordinal);
        Assert.Equal(302, (await page.APIRequest.GetAsync("/admin", new() { MaxRedirects = 0 })).Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "admin-two-factor-code-phone");
        await page.GetByLabel("Code from your authenticator app").FillAsync(StaffHelpers.Totp(key, DateTimeOffset.UtcNow));
        await Steps.ContinueAsync(page);

        await page.WaitForURLAsync("**/admin");
        Assert.Equal(200, (await page.GotoAsync("/admin"))!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    private async Task<(string Email, string Key)> CreateReceptionistWithAuthenticatorAsync()
    {
        var user = await live.Site.CreateStaffAsync(StaffRoles.Reception);
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(fresh);
        await users.SetTwoFactorEnabledAsync(fresh, true);
        return (fresh.Email!, (await users.GetAuthenticatorKeyAsync(fresh))!);
    }
}
