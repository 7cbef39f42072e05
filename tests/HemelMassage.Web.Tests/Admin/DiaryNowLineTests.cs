using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>The grid on a site whose clock stands at Tuesday 8 December 2026, 10:42 (GMT): the line at the current time and the hours already gone.</summary>
public sealed class DiaryNowLineTests
{
    [Fact]
    public async Task Today_has_a_line_at_the_current_time_hours_gone_or_too_soon_are_said_and_other_days_have_no_line()
    {
        using var site = BookingSite.At(new DateTimeOffset(2026, 12, 8, 10, 42, 0, TimeSpan.Zero));
        await site.AddBookingAsync("2026-12-08T10:00Z", therapistId: 1, email: "now@example.com", name: "Nell Now");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var today = new GridReader(await reception.GetStringAsync("/admin/diary"));
        var tomorrow = await reception.GetStringAsync("/admin/diary?date=2026-12-09");

        var booking = today.At("Sarah", "10:30");
        Assert.Contains("Now 10:42", booking.Text);
        Assert.Contains("now now-at-7", booking.Classes);
        Assert.Contains("now now-at-8", today.At("James", "10:30").Classes);
        Assert.Equal("Past", today.At("Sarah", "09:30").Text);
        Assert.Equal(("Too soon to book", "11:00"), (today.At("Sarah", "12:30").Text, today.At("Sarah", "12:30").StartsAt));
        Assert.StartsWith("Free", today.At("Sarah", "14:00").Text);
        Assert.DoesNotContain("now-mark", tomorrow);
    }
}
