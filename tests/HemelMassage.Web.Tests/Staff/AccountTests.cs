using System.Net;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

[Trait("Database", "Both")]
public sealed class AccountTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_member_of_staff_changes_their_password_and_the_change_is_audited_without_the_password()
    {
        var (client, user) = await site.SignedInAsAsync("Reception");

        var wrongCurrent = await client.PostFormAsync("/admin/account", "/admin/account/password", new()
        {
            ["Password.CurrentPassword"] = "not my password at all", ["Password.NewPassword"] = "saddle meadow quartz ember", ["Password.ConfirmPassword"] = "saddle meadow quartz ember",
        });
        Assert.Equal(HttpStatusCode.OK, wrongCurrent.StatusCode);
        Assert.Contains("Incorrect password", await wrongCurrent.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await client.PostFormAsync("/admin/account", "/admin/account/password", new()
        {
            ["Password.CurrentPassword"] = StaffHelpers.GoodPassword, ["Password.NewPassword"] = "saddle meadow quartz ember", ["Password.ConfirmPassword"] = "saddle meadow quartz ember",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        Assert.Equal("/admin", (await site.CreatePageClient().SignInAsync(user.Email!, "saddle meadow quartz ember")).Headers.Location!.OriginalString);

        using var scope = site.Services.CreateScope();
        var entries = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().AuditEntries.Where(a => a.Subject == user.Email).ToListAsync();
        var entry = Assert.Single(entries, a => a.Action == "staff.password-changed");
        Assert.Equal(user.Email, entry.Actor);
        Assert.DoesNotContain(entries, a => a.Detail.Contains("saddle", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Admin_pages_are_never_cached()
    {
        var (client, _) = await site.SignedInAsAsync("Therapist");

        var response = await client.GetAsync("/admin");

        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Theory]
    [InlineData("password1234", true)]
    [InlineData("Password1234!", true)]
    [InlineData("qwertyuiop123", true)]
    [InlineData("aaaaaaaaaaaaaaaa", true)]
    [InlineData("staple cloud harbour mitten", false)]
    [InlineData("Tr0ub4dor&3-horse", false)]
    public void The_deny_list_catches_common_passwords_and_their_digit_suffixed_forms(string password, bool common)
    {
        Assert.Equal(common, CommonPasswordValidator.IsCommon(password));
    }

    [Fact]
    public void A_password_made_of_the_email_name_is_refused()
    {
        Assert.True(CommonPasswordValidator.IsCommon("jo.bloggs.example2024", "jo.bloggs.example@example.com"));
    }
}
