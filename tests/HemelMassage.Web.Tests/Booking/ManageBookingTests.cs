using HemelMassage.Web.Tests.Support;
using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// One site for the class: each test books an hour of its own under an address of its own and reads only its own
/// booking's rows. The two tests that move the site's clock start a site of their own.
/// </summary>
[Trait("Database", "Both")]
public sealed partial class ManageBookingTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static async Task<string> BookAsync(HttpClient client, string start, string email)
    {
        var journey = new BookingJourney(client);
        var done = BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync(start, email: email)));
        return ManageLink().Match(await client.GetStringAsync(done)).Groups[1].Value;
    }

    [Fact]
    public async Task Cancelling_asks_first_on_a_page_naming_the_booking_then_keeps_the_row_frees_the_hour_and_the_link_says_it_was_cancelled()
    {
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-10T10:00Z", "cancelling@example.com");
        var start = BookingSite.Utc("2026-12-10T10:00Z");
        var reference = await site.WithDbAsync(db => db.Bookings.Where(a => a.StartUtc == start).Select(a => a.Reference).SingleAsync());
        Assert.DoesNotContain("value=\"2026-12-10T10:00Z\"", await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10"), StringComparison.Ordinal);
        Assert.Contains($"<form method=\"get\" action=\"{manage}/cancel\">", await client.GetStringAsync(manage), StringComparison.Ordinal);

        var asking = WebUtility.HtmlDecode(await client.GetStringAsync(manage + "/cancel"));
        Assert.Contains($"Cancel booking {reference}?", WithoutTags(asking), StringComparison.Ordinal);
        Assert.Contains("Thursday 10 December, 10:00 to 11:00", asking, StringComparison.Ordinal);
        Assert.Contains("Yes, cancel this booking", asking, StringComparison.Ordinal);
        Assert.Contains($"href=\"{manage}\">No, keep my booking", asking, StringComparison.Ordinal);
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-10T10:00Z"));

        var cancelled = await client.PostFormAsync(manage + "/cancel", manage + "/cancel", new Dictionary<string, string>());

        Assert.Equal(manage, BookingSite.Location(cancelled));
        Assert.Contains("value=\"2026-12-10T10:00Z\"", await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10"), StringComparison.Ordinal);
        var row = await site.WithDbAsync(db => db.Bookings.Include(a => a.Changes).SingleAsync(a => a.Reference == reference));
        Assert.Equal(BookingStatus.Cancelled, row.Status);
        Assert.Equal(2, row.Changes.Count);
        // Reopened later, the link says which booking was cancelled and offers it again; it cancels nothing more.
        var reopened = await client.GetAsync(manage);
        var page = WebUtility.HtmlDecode(await reopened.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, reopened.StatusCode);
        Assert.Contains("Your booking is cancelled", page, StringComparison.Ordinal);
        Assert.Contains($"Booking {reference} is cancelled: Deep tissue massage with Sarah, Thursday 10 December, 10:00 to 11:00.", WithoutTags(page), StringComparison.Ordinal);
        Assert.Contains("href=\"/book/times?treatment=deep-tissue&therapist=1\">Book Deep tissue massage again", page, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(manage + "/cancel")).StatusCode);
    }

    [Fact]
    public async Task The_cancel_page_changes_nothing_however_often_it_is_opened()
    {
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-14T10:00Z", "cancel-page@example.com");
        var start = BookingSite.Utc("2026-12-14T10:00Z");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(manage + "/cancel")).StatusCode);
        }

        Assert.Equal(1, await site.BookingsAtAsync("2026-12-14T10:00Z"));
        Assert.Equal(1, await site.WithDbAsync(db => db.BookingChanges.CountAsync(c => db.Bookings.Any(a => a.Id == c.BookingId && a.StartUtc == start))));
    }

    [Fact]
    public async Task The_reschedule_page_shows_the_current_time_and_links_back_to_the_booking()
    {
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-15T10:00Z", "reschedule-page@example.com");

        var page = WebUtility.HtmlDecode(await client.GetStringAsync(manage + "/reschedule"));

        Assert.Contains("Your booking now: Tuesday 15 December, 10:00 to 11:00, Deep tissue massage with Sarah.", WithoutTags(page), StringComparison.Ordinal);
        Assert.Contains($"href=\"{manage}\">Back to your booking", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_booking_link_shows_the_booking_not_a_dead_end()
    {
        using var own = new BookingSite(); // its own: the test moves the clock
        var client = own.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-08T10:00Z", "ann@example.com");
        own.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));

        var response = await client.GetAsync(manage);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Tuesday 8 December, 10:00 to 11:00", page, StringComparison.Ordinal);
        Assert.Contains("time has passed", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/cancel", page, StringComparison.Ordinal);
        Assert.Contains("/no-follow-up", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rescheduling_keeps_the_reference_and_calendar_uid_and_raises_the_sequence()
    {
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-16T10:00Z", "rescheduling@example.com");
        var start = BookingSite.Utc("2026-12-16T10:00Z");
        var before = await site.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(a => a.StartUtc == start));

        var moved = await client.PostFormAsync(manage + "/reschedule?date=2026-12-17", manage + "/reschedule",
            new Dictionary<string, string> { ["Start"] = "2026-12-17T14:00Z" });

        Assert.Equal(manage + "?message=moved", BookingSite.Location(moved));
        var after = await site.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(a => a.Id == before.Id));
        Assert.Equal((before.Reference, before.CalendarUid, before.CalendarSequence + 1), (after.Reference, after.CalendarUid, after.CalendarSequence));
        Assert.Equal(new DateTime(2026, 12, 17, 15, 0, 0), after.EndUtc);
        Assert.Contains("SEQUENCE:1", await client.GetStringAsync(manage + "/calendar.ics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_the_cut_off_the_page_gives_the_phone_number_and_refuses_changes()
    {
        using var own = new BookingSite(); // its own: the test moves the clock
        var client = own.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-08T10:00Z", "ann@example.com");
        var token = Forms.Token(await client.GetStringAsync(manage));

        own.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var page = await client.GetStringAsync(manage);
        var cancel = await client.PostWithTokenAsync(manage + "/cancel", token);

        Assert.Contains("can't be changed online", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("01442 000000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/cancel", page, StringComparison.Ordinal);
        Assert.Equal(manage, BookingSite.Location(cancel));
        Assert.Equal(1, await own.BookingsAtAsync("2026-12-08T10:00Z"));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("short")]
    [InlineData("x")]
    public async Task A_tampered_or_unknown_token_gets_the_same_plain_not_valid_page(string kind)
    {
        var hour = kind switch { "tampered" => "2026-12-18T10:00Z", "short" => "2026-12-21T10:00Z", _ => "2026-12-22T10:00Z" };
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, hour, kind + "@example.com");
        var bad = kind switch
        {
            "tampered" => manage[..^1] + (manage[^1] == 'A' ? 'B' : 'A'),
            "short" => manage[..^5],
            _ => "/booking/" + new string('A', 43),
        };

        var response = await client.GetAsync(bad);
        var cancel = await client.PostAsync(bad + "/cancel", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, cancel.StatusCode);
        Assert.Equal(1, await site.BookingsAtAsync(hour));
    }

    private static string WithoutTags(string html) => Regex.Replace(Regex.Replace(html, "<[^>]+>", ""), "\\s+", " ");

    [GeneratedRegex("id=\"manage-link\">http://localhost:5065(/booking/[^<]+)<")]
    private static partial Regex ManageLink();
}
