using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Therapists;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The date and time step on the clock of <see cref="BookingSite"/> (Monday 7 December 2026, 08:00), with Sarah
/// (therapist 1) working Monday to Friday: the booking window runs to Friday 5 February 2027.
/// </summary>
public sealed class TimesPageDatesTests(BookingSite site) : IClassFixture<BookingSite>
{
    private const string Sarah = "/book/times?treatment=deep-tissue&therapist=1";
    private readonly HttpClient _client = site.CreatePageClient();

    private async Task<string> PageAsync(string query) => PageText.Of(await _client.GetStringAsync(Sarah + query));

    [Fact]
    public async Task The_date_field_runs_from_today_to_the_end_of_the_booking_window()
    {
        var html = await _client.GetStringAsync(Sarah);

        Assert.Contains("type=\"date\" id=\"date\" name=\"date\" min=\"2026-12-07\" max=\"2027-02-05\"", html, StringComparison.Ordinal);
        Assert.Contains("We take bookings up to 60 days ahead, until Friday 5 February 2027.", PageText.Of(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_beyond_the_window_says_how_far_ahead_we_take_bookings_and_shows_the_latest_free_day()
    {
        var page = await PageAsync("&date=2027-03-01");

        Assert.Contains("We take bookings up to 60 days ahead, so up to Friday 5 February 2027.", page, StringComparison.Ordinal);
        // The window ends at 08:00 on Friday 5 February, before Sarah's first hour that day.
        Assert.Contains("Free times on Thursday 4 February 2027", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_that_has_passed_says_so()
    {
        var page = await PageAsync("&date=2026-12-01");

        Assert.Contains("That day (Tuesday 1 December) has passed.", page, StringComparison.Ordinal);
        Assert.Contains("Free times today, Monday 7 December", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-19", "There are no free times on Saturday 19 December; here is the next day with free times, Monday 21 December.", "Free times on Monday 21 December")]
    [InlineData("2027-01-30", "There are no free times on Saturday 30 January 2027; here is the next day with free times, Monday 1 February 2027.", "Free times on Monday 1 February 2027")]
    public async Task A_day_with_no_free_times_leads_to_the_next_day_after_it_never_to_one_before(string date, string message, string legend)
    {
        var page = await PageAsync("&date=" + date);

        Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains(legend, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_with_no_free_times_and_none_after_it_in_the_window_says_so_rather_than_showing_an_earlier_day()
    {
        using var away = new BookingSite();
        var client = away.CreatePageClient();
        // Sarah's last day with hours inside the window, Thursday 4 February 2027, taken off.
        await away.WithDbAsync(async db =>
        {
            db.TimeOff.Add(new TimeOff { TherapistId = 1, StartUtc = new DateTime(2027, 2, 4, 0, 0, 0), EndUtc = new DateTime(2027, 2, 5, 0, 0, 0), Reason = "Away" });
            return await db.SaveChangesAsync();
        });

        var page = PageText.Of(await client.GetStringAsync(Sarah + "&date=2027-02-04"));

        Assert.Contains("There are no free times on Thursday 4 February 2027, nor on any later day we take bookings for (up to Friday 5 February 2027). Please choose an earlier day.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Free times on", page, StringComparison.Ordinal);
        Assert.Contains("Or call us on 01442 000000", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("banana")]
    [InlineData("2026-02-30")]
    [InlineData("07/12/2026")]
    [InlineData("2026-12-7")]
    public async Task A_date_that_is_not_a_date_says_so_and_shows_the_first_free_day(string date)
    {
        var response = await _client.GetAsync(Sarah + "&date=" + Uri.EscapeDataString(date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = PageText.Of(await response.Content.ReadAsStringAsync());
        Assert.Contains("That isn't a date we can read.", page, StringComparison.Ordinal);
        Assert.Contains("Free times today, Monday 7 December", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Days_are_named_today_tomorrow_and_by_weekday_and_a_later_day_offers_a_jump_to_the_next_free_time()
    {
        var html = await _client.GetStringAsync(Sarah + "&date=2026-12-10");
        var page = PageText.Of(html);

        Assert.Contains("Today 7 Dec Tomorrow 8 Dec Wednesday 9 Dec Thursday 10 Dec Friday 11 Dec Monday 14 Dec", page, StringComparison.Ordinal);
        Assert.Contains("Next free time: Today, 10:00 to 11:00", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/book/times?treatment=deep-tissue&amp;therapist=1&amp;date=2026-12-07#t-2026-12-07T1000Z\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"t-2026-12-07T1000Z\"", await _client.GetStringAsync(Sarah + "&date=2026-12-07"), StringComparison.Ordinal);
        Assert.DoesNotContain("Next free time", PageText.Of(await _client.GetStringAsync(Sarah)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reschedule_page_reads_dates_the_same_way()
    {
        var journey = new BookingJourney(_client);
        var done = await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-16T10:00Z"))));
        var manage = System.Text.RegularExpressions.Regex.Match(done, "(/booking/[A-Za-z0-9_-]{43})").Value;

        var odd = PageText.Of(await _client.GetStringAsync(manage + "/reschedule?date=not-a-date"));
        var weekend = PageText.Of(await _client.GetStringAsync(manage + "/reschedule?date=2026-12-19"));

        Assert.Contains("That isn't a date we can read.", odd, StringComparison.Ordinal);
        Assert.Contains("here is the next day with free times, Monday 21 December.", weekend, StringComparison.Ordinal);
        Assert.Contains("min=\"2026-12-07\" max=\"2027-02-05\"", await _client.GetStringAsync(manage + "/reschedule"), StringComparison.Ordinal);
    }
}
