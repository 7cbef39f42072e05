using System.Net;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Security;

public sealed class CookieAndKeyTests
{
    private static string SetCookie(HttpResponseMessage response, string namePrefix) =>
        Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(namePrefix, StringComparison.Ordinal));

    [Fact]
    public async Task Outside_development_the_antiforgery_cookie_is_host_only_secure_http_only_and_strict()
    {
        using var site = new SiteFactory().InProduction();
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });

        var cookie = SetCookie(await client.GetAsync("/admin/account/sign-in"), "__Host-hm-af=").ToLowerInvariant();

        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_staff_cookie_is_host_only_secure_http_only_and_strict()
    {
        using var site = new SiteFactory().InProduction().With("Staff:RequireTwoFactor", "false");
        var user = await site.CreateStaffAsync("Owner");
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });

        var cookie = SetCookie(await client.SignInAsync(user.Email!, StaffHelpers.GoodPassword), "__Host-hm-staff=").ToLowerInvariant();

        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_development_the_temp_data_cookie_that_carries_invitation_links_is_host_only_secure_http_only_and_strict()
    {
        using var site = new SiteFactory().InProduction().With("Staff:RequireTwoFactor", "false");
        var owner = await site.CreateStaffAsync("Owner");
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });
        await client.SignInAsync(owner.Email!, StaffHelpers.GoodPassword);

        var invited = await client.PostFormAsync("/admin/staff", "/admin/staff/invite", new()
        {
            ["Invite.DisplayName"] = "Sam Therapist", ["Invite.Email"] = "sam@example.com", ["Invite.Role"] = "Therapist",
        });

        var cookie = SetCookie(invited, "__Host-hm-td=").ToLowerInvariant();
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        // And it still carries the link to the next page.
        Assert.Contains("/admin/account/set-password?", await client.GetStringAsync("/admin/staff"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_sign_in_and_a_manage_link_survive_a_restart_on_the_same_data_directory()
    {
        var shared = Path.Combine(Path.GetTempPath(), "hemel-tests", "restart-" + Guid.NewGuid().ToString("n"));
        try
        {
            string staffCookie, manage;
            using (var before = new BookingSite())
            {
                before.With("DataDirectory", shared);
                var client = before.CreatePageClient();
                manage = await SecuritySteps.BookAsync(client, "2026-12-10T10:00Z");
                var user = await before.CreateStaffAsync("Owner");
                var signedIn = await client.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
                staffCookie = SetCookie(signedIn, "hm-staff=").Split(';')[0];
            }
            Assert.True(Directory.EnumerateFiles(Path.Combine(shared, "keys"), "key-*.xml").Any(), "No key ring under the data directory");

            using var after = new BookingSite();
            after.With("DataDirectory", shared);
            var fresh = after.CreatePageClient();
            using var admin = new HttpRequestMessage(HttpMethod.Get, "/admin");
            admin.Headers.Add("Cookie", staffCookie);

            Assert.Equal(HttpStatusCode.OK, (await fresh.SendAsync(admin)).StatusCode);
            var page = await fresh.GetAsync(manage);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Cancel", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(shared, recursive: true); } catch (IOException) { }
        }
    }
}
