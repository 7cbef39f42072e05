using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Staff;

/// <summary>A site on a clock the test moves, whose outbox keeps what it queues (nothing is sent), so a test can open an emailed link.</summary>
public sealed class ClockedStaffSite : SiteFactory
{
    public ClockedStaffSite() =>
        With("Email:DispatcherEnabled", "false").WithServices(services => services.AddSingleton<TimeProvider>(Clock));

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The path and query of the newest new-password link emailed to <paramref name="email"/>, or null when none was.</summary>
    public async Task<string?> NewPasswordLinkAsync(string email)
    {
        using var scope = Services.CreateScope();
        var row = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == EmailKind.StaffPasswordLink && m.ToAddress == email).OrderByDescending(m => m.Id).FirstOrDefaultAsync();
        if (row is null)
        {
            return null;
        }
        var body = Services.GetRequiredService<OutboxSecrets>().Open(row).TextBody;
        return new Uri(AccountRepairTests.Link().Match(body).Value).PathAndQuery;
    }

    public async Task<int> NewPasswordEmailsToAsync(string email)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().OutboxMessages.CountAsync(m => m.Kind == EmailKind.StaffPasswordLink && m.ToAddress == email);
    }

    public async Task<List<string>> AuditAsync(string subject)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().AuditEntries.Where(a => a.Subject == subject).Select(a => a.Action).ToListAsync();
    }
}

public sealed partial class AccountRepairTests(ClockedStaffSite site) : IClassFixture<ClockedStaffSite>
{
    private const string NewPassword = "harbour pepper willow canvas";

    [Fact]
    public async Task A_new_password_link_the_owner_emails_works_once_and_a_later_one_expires_after_an_hour()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var therapist = await site.CreateStaffAsync("Therapist");

        var sent = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{therapist.Id}/send-password-link", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("We have emailed them a link to choose a new password", await owner.GetStringAsync("/admin/staff"), StringComparison.Ordinal);
        var link = await site.NewPasswordLinkAsync(therapist.Email!);
        Assert.NotNull(link);

        // Until the link is used the old password still works: whoever asked cannot lock her out by asking.
        Assert.Equal("/admin", (await site.CreatePageClient().SignInAsync(therapist.Email!, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
        var browser = site.CreatePageClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(browser, link)).StatusCode);
        Assert.Equal("/admin", (await site.CreatePageClient().SignInAsync(therapist.Email!, NewPassword)).Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await site.CreatePageClient().SignInAsync(therapist.Email!, StaffHelpers.GoodPassword)).StatusCode);

        var again = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("This link no longer works", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await owner.PostFormAsync("/admin/staff", $"/admin/staff/{therapist.Id}/send-password-link", []);
        var later = await site.NewPasswordLinkAsync(therapist.Email!);
        Assert.NotEqual(link, later);
        site.Clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(HttpStatusCode.OK, (await site.CreatePageClient().GetAsync(later)).StatusCode);
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await site.CreatePageClient().GetAsync(later);
        Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        Assert.Contains("a link to choose a new password after 1 hour", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("staff.password-link-sent", await site.AuditAsync(therapist.Email!));
    }

    [Fact]
    public async Task Forgotten_password_gives_an_unknown_email_the_same_answer_and_emails_a_link_only_to_a_real_account()
    {
        var reception = await site.CreateStaffAsync("Reception");
        var unknown = $"nobody-{Guid.NewGuid():n}@example.com";
        var signIn = await site.CreatePageClient().GetStringAsync("/admin/account/sign-in");
        Assert.Contains("href=\"/admin/account/forgot-password\"", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain("Ask the clinic's Owner for a new set-password link", signIn, StringComparison.Ordinal);

        var forStranger = await AskAsync(unknown);
        var forReception = await AskAsync(reception.Email!);

        Assert.Equal(HttpStatusCode.OK, forStranger.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forReception.StatusCode);
        Assert.Equal(
            (await forStranger.Content.ReadAsStringAsync()).Replace(unknown, "EMAIL", StringComparison.Ordinal),
            (await forReception.Content.ReadAsStringAsync()).Replace(reception.Email!, "EMAIL", StringComparison.Ordinal));
        // Requests are handled in order, after the answer: once the real account's email is queued, the stranger's was dealt with.
        var link = await EventuallyAsync(() => site.NewPasswordLinkAsync(reception.Email!));
        Assert.Equal(0, await site.NewPasswordEmailsToAsync(unknown));

        var browser = site.CreatePageClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(browser, link)).StatusCode);
        Assert.Equal("/admin", (await site.CreatePageClient().SignInAsync(reception.Email!, NewPassword)).Headers.Location!.OriginalString);
        Assert.Contains("staff.password-link-requested", await site.AuditAsync(reception.Email!));
    }

    [Fact]
    public async Task Asking_again_within_five_minutes_sends_no_second_email_and_a_disabled_account_gets_none()
    {
        var therapist = await site.CreateStaffAsync("Therapist");
        var disabled = await site.CreateStaffAsync("Therapist");
        var marker = await site.CreateStaffAsync("Reception");
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var account = (await users.FindByIdAsync(disabled.Id))!;
            account.IsDisabled = true;
            await users.UpdateAsync(account);
        }

        await AskAsync(therapist.Email!);
        await EventuallyAsync(() => site.NewPasswordLinkAsync(therapist.Email!));
        await AskAsync(therapist.Email!);
        await AskAsync(disabled.Email!);
        await AskAsync(marker.Email!);
        await EventuallyAsync(() => site.NewPasswordLinkAsync(marker.Email!));

        Assert.Equal(1, await site.NewPasswordEmailsToAsync(therapist.Email!));
        Assert.Equal(0, await site.NewPasswordEmailsToAsync(disabled.Email!));
    }

    [Fact]
    public async Task A_forgotten_password_form_with_no_email_or_a_bad_one_says_so_by_the_field_and_keeps_what_was_typed()
    {
        var client = site.CreatePageClient();

        var empty = await client.PostFormAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = "" });
        var bad = await client.PostFormAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = "not an email" });

        Assert.Contains("Enter your email address.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Enter an email address like name@example.com.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"not an email\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_unlocks_a_locked_account_and_its_right_password_signs_in_again()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var reception = await site.CreateStaffAsync("Reception");
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            // As five wrong authenticator codes leave it, but far enough ahead that no clock reaches the end.
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(reception.Id))!, new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
        }
        Assert.Equal(HttpStatusCode.OK, (await site.CreatePageClient().SignInAsync(reception.Email!, StaffHelpers.GoodPassword)).StatusCode);
        Assert.Contains("locked until", await owner.GetStringAsync("/admin/staff"), StringComparison.Ordinal);

        var unlocked = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{reception.Id}/unlock", []);

        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal("/admin", (await site.CreatePageClient().SignInAsync(reception.Email!, StaffHelpers.GoodPassword)).Headers.Location!.OriginalString);
        Assert.Contains("staff.unlocked", await site.AuditAsync(reception.Email!));
    }

    [Theory]
    [InlineData("send-password-link")]
    [InlineData("reset-two-factor")]
    [InlineData("unlock")]
    public async Task Reception_cannot_put_another_account_right_and_an_unknown_account_is_not_found(string action)
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var therapist = await site.CreateStaffAsync("Therapist");

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.PostFormAsync("/admin", $"/admin/staff/{therapist.Id}/{action}", [])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostFormAsync("/admin/staff", $"/admin/staff/no-such-account/{action}", [])).StatusCode);
        Assert.Empty(await site.AuditAsync(therapist.Email!));
    }

    private Task<HttpResponseMessage> AskAsync(string email) =>
        site.CreatePageClient().PostFormAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = email });

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient browser, string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(new Uri("http://localhost"), link).Query);
        return await browser.PostFormAsync(link, "/admin/account/set-password", new()
        {
            ["UserId"] = query["user"]!, ["Token"] = query["token"]!, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });
    }

    // The request is handled after its answer: wait for the email to be queued, as a person waits for it to arrive.
    private static async Task<string> EventuallyAsync(Func<Task<string?>> probe)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } found)
            {
                return found;
            }
            await Task.Delay(20, timeout.Token);
        }
    }

    [GeneratedRegex(@"https?://\S+/admin/account/set-password\?\S+")]
    internal static partial Regex Link();
}
