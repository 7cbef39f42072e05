using System.Net;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Security;

/// <summary>A forged Host header is never written back: redirects are paths, absolute links come from Clinic:BaseUrl.</summary>
public sealed class HostHeaderTests
{
    private const string Forged = "evil.example";

    private static readonly string[] Pages =
    [
        "/", "/treatments", "/articles", "/articles/why-no-stand-alone-back-massage", "/book", "/book?treatment=back-massage",
        "/about", "/contact", "/privacy", "/feed.xml", "/sitemap.xml", "/robots.txt", "/no-such-page", "/error",
        "/admin", "/admin/diary", "/admin/staff", "/admin/account/sign-in",
    ];

    private static async Task AssertHostNotEchoedAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True((int)response.StatusCode < 500, $"{path}: {(int)response.StatusCode}");
        Assert.DoesNotContain(Forged, response.Headers.Location?.OriginalString ?? "", StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Forged, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_sign_in_redirect_is_a_path_whatever_host_the_request_names()
    {
        using var site = new SiteFactory();
        var client = site.CreatePageClient();
        client.DefaultRequestHeaders.Host = Forged;

        var response = await client.GetAsync("/admin/diary?day=2026-12-02");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/account/sign-in?returnUrl=%2Fadmin%2Fdiary%3Fday%3D2026-12-02", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task No_page_repeats_a_forged_host_anonymously_or_to_signed_in_staff()
    {
        using var site = new SiteFactory().InProduction().With("Staff:RequireTwoFactor", "false");
        var owner = await site.CreateStaffAsync("Owner");
        var anonymous = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });
        var staff = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SignInAsync(owner.Email!, StaffHelpers.GoodPassword)).StatusCode);
        var plainHttp = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("http://www.hemelmassage.example") });

        foreach (var client in new[] { anonymous, staff, plainHttp })
        {
            client.DefaultRequestHeaders.Host = Forged;
            foreach (var path in Pages)
            {
                await AssertHostNotEchoedAsync(client, path);
            }
        }
    }
}
