using System.Net;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Staff;

public sealed class SignInTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private const string NoMatch = "That email and password do not match";

    [Fact]
    public async Task An_unknown_email_and_a_wrong_password_get_the_same_answer()
    {
        var user = await site.CreateStaffAsync("Therapist");
        var client = site.CreatePageClient();

        var unknown = await client.SignInAsync("nobody-here@example.com", StaffHelpers.GoodPassword);
        var wrong = await client.SignInAsync(user.Email!, "not the right password at all");

        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var unknownHtml = await unknown.Content.ReadAsStringAsync();
        var wrongHtml = await wrong.Content.ReadAsStringAsync();
        Assert.Contains(NoMatch, unknownHtml, StringComparison.Ordinal);
        Assert.Contains(NoMatch, wrongHtml, StringComparison.Ordinal);
        Assert.Equal(Errors(unknownHtml), Errors(wrongHtml));
    }

    [Fact]
    public async Task A_locked_a_disabled_and_a_not_yet_set_up_account_answer_like_an_unknown_email_even_to_the_right_password()
    {
        var known = await site.CreateStaffAsync("Therapist");
        var locked = await site.CreateStaffAsync("Reception");
        var disabled = await site.CreateStaffAsync("Therapist");
        var invited = await site.CreateStaffAsync("Therapist", password: null);
        using (var scope = site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id))!, DateTimeOffset.MaxValue);
            var off = (await users.FindByIdAsync(disabled.Id))!;
            off.IsDisabled = true;
            await users.UpdateAsync(off);
        }

        var answers = new List<string>();
        foreach (var (email, password) in new[]
        {
            ("nobody-at-all@example.com", StaffHelpers.GoodPassword), (known.Email!, "not the right password at all"),
            (locked.Email!, StaffHelpers.GoodPassword), (disabled.Email!, StaffHelpers.GoodPassword), (invited.Email!, StaffHelpers.GoodPassword),
        })
        {
            var response = await site.CreatePageClient().SignInAsync(email, password);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsStringAsync();
            Assert.Contains(NoMatch, html, StringComparison.Ordinal);
            Assert.DoesNotContain("locked", html, StringComparison.OrdinalIgnoreCase);
            answers.Add(Errors(html));
        }
        Assert.Single(answers.Distinct());
    }

    [Fact]
    public async Task An_empty_form_gets_a_message_next_to_each_field_and_a_summary()
    {
        var response = await site.CreatePageClient().SignInAsync("", "");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Enter your email address.", html, StringComparison.Ordinal);
        Assert.Contains("Enter your password.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Email\"", html, StringComparison.Ordinal);
        Assert.Contains("data-valmsg-for=\"Password\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_is_a_post_and_ends_the_session()
    {
        var (client, _) = await site.SignedInAsAsync("Therapist");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        var signOut = await client.PostFormAsync("/admin", "/admin/account/sign-out", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_staff_cookie_is_http_only_and_same_site_strict()
    {
        var user = await site.CreateStaffAsync("Therapist");

        var response = await site.CreatePageClient().SignInAsync(user.Email!, StaffHelpers.GoodPassword);

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hm-staff=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static string Errors(string html) =>
        html[html.IndexOf("error-summary", StringComparison.Ordinal)..html.IndexOf("</div>", html.IndexOf("error-summary", StringComparison.Ordinal), StringComparison.Ordinal)];
}

public sealed class SecureCookieTests
{
    [Fact]
    public async Task With_secure_cookies_on_the_staff_cookie_is_host_prefixed_and_secure()
    {
        using var site = new SiteFactory().With("Staff:SecureCookies", "true");
        var user = await site.CreateStaffAsync("Therapist");
        var client = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://localhost"),
        });

        var response = await client.SignInAsync(user.Email!, StaffHelpers.GoodPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-hm-staff=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
