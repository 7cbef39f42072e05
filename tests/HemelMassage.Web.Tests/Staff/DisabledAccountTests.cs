using System.Net;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Staff;

public sealed class DisabledAccountTests
{
    [Fact]
    public async Task A_disabled_account_that_is_signed_in_is_turned_away_at_its_next_request()
    {
        var clock = new FakeTimeProvider(Booking.BookingSite.Monday);
        using var site = new SiteFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var (client, user) = await site.SignedInAsAsync("Therapist");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);

        using (var scope = site.Services.CreateScope())
        {
            var change = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().DisableAsync(user.Id, "owner-id");
            Assert.True(change.Succeeded);
        }
        // No time passes: the periodic check (every minute) is not what turns it away.
        var response = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/admin/account/sign-in", response.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/account")).StatusCode);
    }

    [Fact]
    public async Task An_enabled_account_stays_signed_in_across_the_security_stamp_check()
    {
        var clock = new FakeTimeProvider(Booking.BookingSite.Monday);
        using var site = new SiteFactory().WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var (client, _) = await site.SignedInAsAsync("Reception");

        clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }
}

internal static class UriExtensions
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}
