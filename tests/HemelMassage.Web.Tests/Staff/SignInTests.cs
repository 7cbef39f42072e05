using System.Net;
using HemelMassage.Web.Tests.Support;

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
    public async Task After_five_wrong_passwords_the_account_is_locked_even_for_the_right_one()
    {
        var user = await site.CreateStaffAsync("Reception");
        var client = site.CreatePageClient();

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            var failed = await client.SignInAsync(user.Email!, $"wrong password number {attempt}");
            Assert.Contains(NoMatch, await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        var fifth = await client.SignInAsync(user.Email!, "wrong password number 5");
        var right = await client.SignInAsync(user.Email!, StaffHelpers.GoodPassword);

        Assert.Contains("locked for 15 minutes", await fifth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
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
