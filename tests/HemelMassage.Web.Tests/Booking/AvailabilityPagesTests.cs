using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Performance;
using HemelMassage.Web.Tests.Security;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The times page is rendered once and shared by every visitor until something changes what is free:
/// these tests are the "until".
/// </summary>
[Trait("Database", "Both")]
public sealed class AvailabilityPagesTests
{
    private const string Wednesday = "/book/times?treatment=deep-tissue&therapist=1&date=2026-12-09";
    private const string TenOClock = "value=\"2026-12-09T10:00Z\"";

    [Fact]
    public async Task A_repeated_availability_request_is_answered_from_the_cache_with_no_sql()
    {
        var sql = new RequestSqlCounter();
        using var site = new BookingSite();
        sql.AttachTo(site);
        var client = site.CreatePageClient();
        sql.Start(site.Services);
        var first = await client.GetStringAsync(Wednesday);
        sql.Clear();

        var again = await client.GetStringAsync(Wednesday);

        Assert.Equal(0, sql.Count);
        Assert.Equal(first, again);
        Assert.Contains(TenOClock, again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_shared_page_sets_no_cookie_and_carries_no_token()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();

        var response = await client.GetAsync(Wednesday);

        Assert.False(response.Headers.Contains("Set-Cookie"));
        Assert.DoesNotContain("__RequestVerificationToken", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hour_booked_online_leaves_the_cached_page_at_once_and_comes_back_when_the_client_cancels()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        Assert.Contains(TenOClock, await client.GetStringAsync(Wednesday), StringComparison.Ordinal);

        var manage = await SecuritySteps.BookAsync(client, "2026-12-09T10:00Z");
        Assert.DoesNotContain(TenOClock, await client.GetStringAsync(Wednesday), StringComparison.Ordinal);

        await client.PostFormAsync(manage, manage + "/cancel", new Dictionary<string, string>());
        Assert.Contains(TenOClock, await client.GetStringAsync(Wednesday), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hour_booked_by_the_clinic_leaves_the_cached_page_at_once()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        Assert.Contains(TenOClock, await client.GetStringAsync(Wednesday), StringComparison.Ordinal);

        await site.AddBookingAsync("2026-12-09T10:00Z");

        Assert.DoesNotContain(TenOClock, await client.GetStringAsync(Wednesday), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hour_that_comes_within_the_minimum_notice_leaves_the_cached_page()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        const string Today = "/book/times?treatment=deep-tissue&therapist=1&date=2026-12-07";
        Assert.Contains("value=\"2026-12-07T10:00Z\"", await client.GetStringAsync(Today), StringComparison.Ordinal);

        site.Clock.Advance(TimeSpan.FromMinutes(31)); // 08:31: ten o'clock is now under the two hours' notice

        var later = await client.GetStringAsync(Today);
        Assert.DoesNotContain("value=\"2026-12-07T10:00Z\"", later, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-07T11:00Z\"", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_in_progress_is_never_answered_with_the_shared_page()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var key = await site.PendingAsync(client, "2026-12-09T12:00Z");
        await client.GetStringAsync(Wednesday);

        var changing = await client.GetStringAsync(Wednesday + "&pending=" + key);

        Assert.Contains($"name=\"Pending\" value=\"{key}\"", changing, StringComparison.Ordinal);
    }
}
