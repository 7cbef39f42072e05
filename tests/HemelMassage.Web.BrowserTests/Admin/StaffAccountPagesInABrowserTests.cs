using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

/// <summary>The staff account pages that issue 19 changed, on a tablet at reception and on a phone.</summary>
public sealed class StaffAccountPagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "lantern orbit kettle velvet";
    private static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    [BrowserFact]
    public async Task A_member_of_staff_who_forgot_her_password_gets_a_link_by_email_and_every_page_on_the_way_passes_axe()
    {
        foreach (var (viewport, size) in new[] { (Tablet, "tablet"), (Browser.Phone, "phone") })
        {
            var (email, _, _) = await CreateStaffAsync(StaffRoles.Reception);
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await Accessibility.AssertNoViolationsAsync(page);
            await Steps.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Get a link by email to choose a new one" }));
            Steps.AssertAt(page, "^/admin/account/forgot-password$");
            await Accessibility.AssertNoViolationsAsync(page);

            await Steps.ContinueAsync(page, "Email me a link");
            await Assertions.Expect(page.GetByText("Enter your email address.").First).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            await page.GetByLabel("Email").FillAsync(email);
            await Steps.ContinueAsync(page, "Email me a link");
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check your email" })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-forgot-password-sent-{size}");

            var message = await live.EmailAsync(email, "Choose a new password");
            var link = System.Text.RegularExpressions.Regex.Match(message.TextBody ?? "", @"https?://\S+/admin/account/set-password\?\S+").Value;
            await page.GotoAsync(new Uri(link).PathAndQuery);
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByLabel("New password", new() { Exact = true }).FillAsync("harbour pepper willow canvas");
            await page.GetByLabel("New password again").FillAsync("harbour pepper willow canvas");
            await Steps.ContinueAsync(page, "Set password");
            Steps.AssertAt(page, "^/admin/account/sign-in$");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task The_owner_unlocks_an_account_by_keyboard_and_the_staff_and_set_up_pages_pass_axe()
    {
        var (owner, _, _) = await CreateStaffAsync(StaffRoles.Owner);
        foreach (var (viewport, size) in new[] { (Tablet, "tablet"), (Browser.Phone, "phone") })
        {
            var (_, locked, lockedId) = await CreateStaffAsync(StaffRoles.Therapist, lockedWithTwoFactor: true);
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(owner);
            await page.GetByLabel("Password").FillAsync(Password);
            await Steps.ContinueAsync(page, "Sign in");

            await page.GotoAsync("/admin/staff");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reset authenticator app of " + locked })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-staff-accounts-{size}");
            await Steps.TabToAsync(page, $"form[action='/admin/staff/{lockedId}/unlock'] button", limit: 400);
            await Steps.PressEnterAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Status).GetByText("Account unlocked")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Unlock " + locked })).ToHaveCountAsync(0);

            await page.GotoAsync("/admin/account/two-factor");
            var qr = page.Locator("img.qr-code");
            await Assertions.Expect(qr).ToBeVisibleAsync();
            Assert.True(await qr.EvaluateAsync<bool>("img => img.complete && img.naturalWidth >= 150"), "The QR code did not load under the page's Content-Security-Policy.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-two-factor-qr-{size}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task A_therapist_makes_a_calendar_link_on_her_account_page_which_passes_axe_on_a_phone()
    {
        var (email, _, id) = await CreateStaffAsync(StaffRoles.Therapist);
        using (var scope = live.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByIdAsync(id))!;
            user.TherapistId = 1;
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }
        var page = await live.NewPageAsync(Browser.Phone);
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await Steps.ContinueAsync(page, "Sign in");

        await page.GotoAsync("/admin/account");
        await Steps.ContinueAsync(page, "Make a calendar link");

        var address = page.GetByLabel("Your calendar address: copy it now, it is shown only this once");
        await Assertions.Expect(address).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[A-Za-z0-9_-]{43}\.ics$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Subscribe on this device" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^webcal://"));
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Stop my calendar link" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "admin-account-calendar-phone");
        var feed = await page.Context.Browser!.NewContextAsync();
        var response = await feed.APIRequest.GetAsync(new Uri(page.Url).GetLeftPart(UriPartial.Authority) + new Uri(await address.InputValueAsync()).AbsolutePath);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("BEGIN:VCALENDAR", await response.TextAsync(), StringComparison.Ordinal);
        await feed.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <returns>The email to sign in with, the name the staff page's buttons call them by, and the account's id.</returns>
    private async Task<(string Email, string Name, string Id)> CreateStaffAsync(string role, bool lockedWithTwoFactor = false)
    {
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():n}@example.com";
        var name = "Tess " + Guid.NewGuid().ToString("n")[..6];
        var user = new StaffUser { UserName = email, Email = email, DisplayName = name, LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, role);
        if (lockedWithTwoFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        return (email, name, user.Id);
    }
}
