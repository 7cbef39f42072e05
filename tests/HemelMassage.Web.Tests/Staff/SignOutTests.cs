using System.Net;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Staff;

public sealed class SignOutTests
{
    private static async Task<HttpResponseMessage> WithCookieAsync(SiteFactory site, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await site.CreatePageClient().SendAsync(request);
    }

    [Fact]
    public async Task A_copy_of_the_staff_cookie_stops_working_on_its_very_next_request_after_its_owner_signs_out()
    {
        // The clock stands still: the periodic security-stamp check (every minute) never comes round.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero));
        using var site = new SiteFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var user = await site.CreateStaffAsync("Reception");
        var tablet = site.CreatePageClient();
        var signedIn = await tablet.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        var copy = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hm-staff=", StringComparison.Ordinal)).Split(';')[0];
        Assert.Equal(HttpStatusCode.OK, (await WithCookieAsync(site, "/admin", copy)).StatusCode);

        var signOut = await tablet.PostFormAsync("/admin", "/admin/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        var withCopy = await WithCookieAsync(site, "/admin", copy);
        Assert.Equal(HttpStatusCode.Redirect, withCopy.StatusCode);
        Assert.StartsWith("/admin/account/sign-in", withCopy.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await WithCookieAsync(site, "/admin/diary", copy)).StatusCode);
        // Signing in again works, with a new cookie.
        Assert.Equal(HttpStatusCode.Redirect, (await tablet.SignInAsync(user.Email!, StaffHelpers.GoodPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await tablet.GetAsync("/admin")).StatusCode);
    }
}
