using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Closures;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

[Trait("Database", "Both")]
public sealed class BookingFlowTests(BookingSite site) : IClassFixture<BookingSite>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Fact]
    public async Task A_client_books_an_hour_end_to_end_and_gets_a_reference_a_calendar_file_and_a_manage_link()
    {
        Assert.Contains("/book/therapist", await _client.GetStringAsync("/book"), StringComparison.Ordinal);
        Assert.Contains("Sarah", await _client.GetStringAsync("/book/therapist?treatment=deep-tissue"), StringComparison.Ordinal);
        var times = await _client.GetStringAsync(BookingJourney.TimesPage);
        // The day is visually hidden in each label (the legend shows it), so the label's text is the full date and time.
        Assert.Contains("Tuesday 8 December, 10:00 to 11:00 with Sarah", WithoutTags(times), StringComparison.Ordinal);

        var journey = new BookingJourney(_client);
        var key = await journey.UpToReviewAsync("2026-12-08T10:00Z");
        var review = await _client.GetAsync("/book/review/" + key);
        Assert.True(review.Headers.CacheControl!.NoStore);
        Assert.Equal("no-referrer", review.Headers.GetValues("Referrer-Policy").Single());
        var done = BookingSite.Location(await journey.ConfirmAsync(key));
        var page = await _client.GetStringAsync(done);

        Assert.Matches("HM-[2-9A-Z]{6}", page);
        Assert.Contains("Tuesday 8 December, 10:00 to 11:00", page, StringComparison.Ordinal);
        Assert.Contains("Sarah", page, StringComparison.Ordinal);
        Assert.Contains("12 Example Road", page, StringComparison.Ordinal);
        var ics = await _client.GetStringAsync(done + "/calendar.ics");
        Assert.Contains("DTSTART:20261208T100000Z", ics, StringComparison.Ordinal);
        Assert.Contains("DTEND:20261208T110000Z", ics, StringComparison.Ordinal);
        var manage = System.Text.RegularExpressions.Regex.Match(page, "id=\"manage-link\">http://localhost:5065(/booking/[^<]+)<").Groups[1].Value;
        Assert.Contains("Tuesday 8 December", await _client.GetStringAsync(manage), StringComparison.Ordinal);
        Assert.DoesNotContain("manage-link", await _client.GetStringAsync(done), StringComparison.Ordinal);

        var booking = await site.WithDbAsync(db => db.Bookings.Include(a => a.Client).SingleAsync(a => a.IdempotencyKey == key));
        Assert.Equal(TreatmentLength.Duration, booking.EndUtc - booking.StartUtc);
        Assert.Equal("ann@example.com", booking.Client!.Email);
    }

    [Theory]
    [InlineData("back-massage")]
    [InlineData("back-neck-and-shoulders")]
    [InlineData("30-minute")]
    [InlineData("half-hour")]
    public async Task A_request_for_a_back_massage_or_a_short_one_explains_kindly_and_links_the_article(string asked)
    {
        var html = await _client.GetStringAsync("/book?treatment=" + asked);

        Assert.Contains("Looking for a back massage, or something shorter?", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/why-no-stand-alone-back-massage\"", html, StringComparison.Ordinal);
        Assert.Contains("Deep tissue massage", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-08T10:10Z", "That isn't one of our start times")]
    [InlineData("2026-12-07T09:00Z", "That time is too soon")]
    [InlineData("2027-03-01T10:00Z", "We take bookings up to 60 days ahead")]
    [InlineData("2026-12-08T07:00Z", "That isn't one of our start times")]
    [InlineData("2026-12-08T19:00Z", "No therapist is working at that time")]
    [InlineData("2026-12-08T13:30Z", "No therapist is working at that time")]
    public async Task A_posted_time_that_breaks_a_rule_is_refused_with_a_message_and_fresh_times(string start, string message)
    {
        var response = await new BookingJourney(_client).ChooseAsync(start);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("type=\"radio\" name=\"Start\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_on_a_closed_day_is_refused()
    {
        await site.WithDbAsync(async db =>
        {
            db.ClinicClosures.Add(new ClinicClosure { From = new DateOnly(2026, 12, 21), To = new DateOnly(2026, 12, 22), Reason = "Christmas refit" });
            return await db.SaveChangesAsync();
        });

        var html = await (await new BookingJourney(_client).ChooseAsync("2026-12-21T10:00Z")).Content.ReadAsStringAsync();

        Assert.Contains("The clinic is closed that day", html, StringComparison.Ordinal);
        Assert.DoesNotContain("value=\"2026-12-21T", await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any&date=2026-12-21"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_time_is_refused_and_no_longer_offered()
    {
        var journey = new BookingJourney(_client);
        BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-09T14:00Z")));

        var html = await (await journey.ChooseAsync("2026-12-09T14:00Z")).Content.ReadAsStringAsync();

        Assert.Contains("Sorry, that time has just been taken", html, StringComparison.Ordinal);
        var times = await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-09");
        Assert.DoesNotContain("value=\"2026-12-09T14:00Z\"", times, StringComparison.Ordinal);
        // Changeover: the next hour for Sarah starts no earlier than 15:30 on the 30-minute grid.
        Assert.DoesNotContain("value=\"2026-12-09T15:00Z\"", times, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-09T15:30Z\"", times, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_preference_pools_therapists_and_assigns_a_free_one_at_confirm_time()
    {
        var journey = new BookingJourney(_client);
        Assert.Contains("Tuesday 22 December, 11:00 to 12:00 with Sarah or James",
            WithoutTags(await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any&date=2026-12-22")), StringComparison.Ordinal);

        var first = await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-22T11:00Z", "any"))));
        var second = await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-22T11:00Z", "any"))));

        Assert.Contains("Sarah", first, StringComparison.Ordinal);
        Assert.Contains("James", second, StringComparison.Ordinal);
        var therapists = await site.WithDbAsync(db => db.Bookings.Where(a => a.StartUtc == new DateTime(2026, 12, 22, 11, 0, 0)).Select(a => a.TherapistId).OrderBy(t => t).ToListAsync());
        Assert.Equal([1, 2], therapists);
        Assert.DoesNotContain("value=\"2026-12-22T11:00Z\"", await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any&date=2026-12-22"), StringComparison.Ordinal);
    }

    private static string WithoutTags(string html) => System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "");
}
