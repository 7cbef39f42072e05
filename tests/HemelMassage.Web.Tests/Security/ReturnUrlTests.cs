using System.Net;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Security;

public sealed class ReturnUrlTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("http:evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Signing_in_never_sends_staff_to_another_site(string returnUrl)
    {
        var user = await site.CreateStaffAsync("Owner");
        var client = site.CreatePageClient();

        var response = await client.PostFormAsync("/admin/account/sign-in", "/admin/account/sign-in",
            new() { ["Email"] = user.Email!, ["Password"] = StaffHelpers.GoodPassword, ["ReturnUrl"] = returnUrl });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/", location, StringComparison.Ordinal);
        Assert.False(location.StartsWith("//", StringComparison.Ordinal) || location.StartsWith("/\\", StringComparison.Ordinal), location);
        Assert.DoesNotContain("evil.example", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_local_return_url_is_followed_after_sign_in()
    {
        var user = await site.CreateStaffAsync("Owner");
        var response = await site.CreatePageClient().PostFormAsync("/admin/account/sign-in", "/admin/account/sign-in",
            new() { ["Email"] = user.Email!, ["Password"] = StaffHelpers.GoodPassword, ["ReturnUrl"] = "/admin/staff" });

        Assert.Equal("/admin/staff", response.Headers.Location!.OriginalString);
    }
}
