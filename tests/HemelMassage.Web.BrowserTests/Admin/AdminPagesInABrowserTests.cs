using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

public sealed class AdminPagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "lantern orbit kettle velvet";

    [BrowserFact]
    public async Task The_sign_in_page_and_its_errors_have_no_accessibility_violations()
    {
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin");
            Assert.Contains("/admin/account/sign-in", page.Url, StringComparison.Ordinal);
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-sign-in-{size}");

            await Steps.ContinueAsync(page, "Sign in");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task The_owners_pages_have_no_accessibility_violations_on_a_phone_or_a_desktop()
    {
        var email = await CreateOwnerAsync();
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await Steps.ContinueAsync(page, "Sign in");
            Steps.AssertAt(page, "^/admin$");

            foreach (var (path, name) in new[]
            {
                ("/admin", "dashboard"), ("/admin/staff", "staff"), ("/admin/account", "account"), ("/admin/account/two-factor", "two-factor"),
                ("/admin/diary", "diary"), ("/admin/diary/week", "diary-week"), ("/admin/bookings/new", "phone-booking"), ("/admin/bookings/export", "export"),
                ("/admin/therapists", "therapists"), ("/admin/therapists/1", "therapist"), ("/admin/treatments", "treatments"), ("/admin/treatments/1", "treatment"),
                ("/admin/closures", "closures"), ("/admin/clients", "clients"), ("/admin/emails", "emails"), ("/admin/audit", "audit"),
            })
            {
                var response = await page.GotoAsync(path);
                Assert.Equal(200, response!.Status);
                await Accessibility.AssertNoViolationsAsync(page);
                await Screenshots.TakeAsync(page, $"admin-{name}-{size}");
            }
            await page.Context.CloseAsync();
        }
    }

    private async Task<string> CreateOwnerAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Olive Owner" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, StaffRoles.Owner);
        return email;
    }
}
