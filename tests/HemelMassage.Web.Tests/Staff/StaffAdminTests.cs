using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

public sealed partial class StaffAdminTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("Reception")]
    [InlineData("Therapist")]
    public async Task Reception_and_therapists_are_refused_the_staff_page_and_its_actions(string role)
    {
        var (client, _) = await site.SignedInAsAsync(role);
        var other = await site.CreateStaffAsync("Therapist");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        var staffPage = await client.GetAsync("/admin/staff");
        Assert.Equal(HttpStatusCode.Forbidden, staffPage.StatusCode);
        Assert.Contains("That page is not for your role", await staffPage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var disable = await client.PostFormAsync("/admin", $"/admin/staff/{other.Id}/disable", []);
        Assert.Equal(HttpStatusCode.Forbidden, disable.StatusCode);
        Assert.False(await IsDisabledAsync(other.Id));
    }

    [Fact]
    public async Task The_owner_invites_a_therapist_who_sets_a_password_from_the_shown_link_and_signs_in()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var email = $"new-therapist-{Guid.NewGuid():n}@example.com";

        var invite = await owner.PostFormAsync("/admin/staff", "/admin/staff/invite",
            new() { ["Invite.DisplayName"] = "Sam Therapist", ["Invite.Email"] = email, ["Invite.Role"] = "Therapist" });
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        var page = await owner.GetStringAsync("/admin/staff");
        Assert.Contains("Invitation sent to Sam Therapist", page, StringComparison.Ordinal);
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HemelMassage.Web.Data.ClinicDbContext>();
            Assert.Equal(HemelMassage.Web.Email.EmailKind.StaffInvitation, db.OutboxMessages.Single(m => m.ToAddress == email).Kind);
        }
        var link = System.Net.WebUtility.HtmlDecode(InviteLink().Match(page).Groups[1].Value);

        var newcomer = site.CreatePageClient();
        var path = new Uri(link).PathAndQuery;
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        var set = await newcomer.PostFormAsync(path, "/admin/account/set-password", new()
        {
            ["UserId"] = query["user"]!, ["Token"] = query["token"]!, ["NewPassword"] = "maple tunnel copper sparrow", ["ConfirmPassword"] = "maple tunnel copper sparrow",
        });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/admin", (await newcomer.SignInAsync(email, "maple tunnel copper sparrow")).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/admin/staff")).StatusCode);
        Assert.Contains("staff.created", await AuditActionsAsync());
    }

    [Fact]
    public async Task An_invitation_with_a_bad_email_and_no_name_is_shown_again_with_messages_by_the_fields()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.PostFormAsync("/admin/staff", "/admin/staff/invite",
            new() { ["Invite.DisplayName"] = "", ["Invite.Email"] = "not-an-email", ["Invite.Role"] = "Janitor" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter their name.", html, StringComparison.Ordinal);
        Assert.Contains("Enter an email address like name@example.com.", html, StringComparison.Ordinal);
        Assert.Contains("Choose a role.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not-an-email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_disables_and_enables_an_account_and_changes_a_role_and_each_change_is_audited()
    {
        var (owner, me) = await site.SignedInAsAsync("Owner");
        var reception = await site.CreateStaffAsync("Reception");

        await owner.PostFormAsync("/admin/staff", $"/admin/staff/{reception.Id}/disable", []);
        Assert.True(await IsDisabledAsync(reception.Id));
        Assert.Equal(HttpStatusCode.OK, (await site.CreatePageClient().SignInAsync(reception.Email!, StaffHelpers.GoodPassword)).StatusCode);

        await owner.PostFormAsync("/admin/staff", $"/admin/staff/{reception.Id}/enable", []);
        Assert.False(await IsDisabledAsync(reception.Id));

        var role = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{reception.Id}/role", new() { ["Role"] = "Therapist" });
        Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.Equal(["Therapist"], await users.GetRolesAsync((await users.FindByIdAsync(reception.Id))!));
        }

        var selfDisable = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{me.Id}/disable", []);
        Assert.Equal(HttpStatusCode.Redirect, selfDisable.StatusCode);
        Assert.False(await IsDisabledAsync(me.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync("/admin/staff", "/admin/staff/no-such-id/disable", [])).StatusCode);

        var actions = await AuditActionsAsync();
        Assert.Contains("staff.disabled", actions);
        Assert.Contains("staff.enabled", actions);
        Assert.Contains("staff.role-changed", actions);
    }

    private async Task<bool> IsDisabledAsync(string id)
    {
        using var scope = site.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id)).IsDisabled;
    }

    private async Task<List<string>> AuditActionsAsync()
    {
        using var scope = site.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().AuditEntries.Select(a => a.Action).ToListAsync();
    }

    [GeneratedRegex("<p class=\"secret\">([^<]+)</p>")]
    private static partial Regex InviteLink();
}
