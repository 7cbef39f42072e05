using HemelMassage.Web.Bookings;
using HemelMassage.Web.Therapists;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// Both clock-change Sundays, with Sarah also working Sunday nights 00:00 to 04:00 and the grid starting at
/// midnight: each hour's label gives the true local times and says the clocks change during it.
/// </summary>
public sealed class ClockChangeLabelTests
{
    private static async Task<(BookingSite Site, HttpClient Client)> NightSiteAsync(DateTimeOffset now)
    {
        var site = BookingSite.At(now);
        site.With("Booking:FirstStart", "00:00");
        await site.WithDbAsync(async db =>
        {
            db.Set<WorkingHours>().Add(new WorkingHours { TherapistId = 1, Day = DayOfWeek.Sunday, Start = new TimeOnly(0, 0), End = new TimeOnly(4, 0) });
            return await db.SaveChangesAsync();
        });
        return (site, site.CreatePageClient());
    }

    [Fact]
    public async Task In_October_the_hour_from_one_oclock_reads_01_00_to_01_00_and_says_the_clocks_go_back()
    {
        var (site, client) = await NightSiteAsync(new DateTimeOffset(2026, 10, 20, 12, 0, 0, TimeSpan.Zero));
        using var _ = site;

        var page = PageText.Of(await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-10-25"));

        // 01:00 BST is 00:00 UTC; the hour ends at 01:00 UTC, which is 01:00 GMT.
        Assert.Contains("Sunday 25 October, 01:00 to 01:00 (the clocks go back an hour during it) with Sarah", page, StringComparison.Ordinal);
        Assert.Contains("Sunday 25 October, 00:00 to 01:00 with Sarah", page, StringComparison.Ordinal);
        Assert.Contains("Sunday 25 October, 02:00 to 03:00 with Sarah", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_March_the_hour_from_half_past_midnight_reads_00_30_to_02_30_and_says_the_clocks_go_forward()
    {
        var (site, client) = await NightSiteAsync(new DateTimeOffset(2027, 3, 24, 12, 0, 0, TimeSpan.Zero));
        using var _ = site;

        var page = PageText.Of(await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2027-03-28"));

        Assert.Contains("Sunday 28 March, 00:30 to 02:30 (the clocks go forward an hour during it) with Sarah", page, StringComparison.Ordinal);
        Assert.Contains("Sunday 28 March, 02:00 to 03:00 with Sarah", page, StringComparison.Ordinal);
    }
}
