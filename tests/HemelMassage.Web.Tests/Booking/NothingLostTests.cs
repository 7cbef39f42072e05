using HemelMassage.Web.Tests.Support;
using System.Net;
using HemelMassage.Web.Tests.Intake;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// Change time, Back, a time let go: what a client typed is never thrown away, and each page says what happened.
/// The tests on <c>shared</c> each hold hours of their own (a booking in progress holds its time) on one site.
/// </summary>
[Trait("Database", "Both")]
public sealed class NothingLostTests(BookingSite shared) : IClassFixture<BookingSite>
{
    private static async Task<(HttpClient Client, string Key, string Token)> AtDetailsAsync(BookingSite site, string start = "2026-12-08T10:00Z")
    {
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync(start));
        return (client, details.Split('/')[^1], Forms.Token(await client.GetStringAsync(details)));
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string token, List<KeyValuePair<string, string>> fields) =>
        client.PostWithTokenAsync(path, token, fields);

    [Fact]
    public async Task Change_time_keeps_every_field_typed_but_not_yet_sent()
    {
        var site = shared;
        var (client, key, token) = await AtDetailsAsync(site);
        // Half done: no phone yet, so this form would not pass its checks; it is kept all the same.
        var typed = IntakeSteps.Details("lower-back", "hamstrings-left").WithHealth("clots")
            .With("Phone", "").With("PainWorse", "Sitting at my desk").With("NoFollowUp", "true");

        var changing = await PostAsync(client, $"/book/details/{key}/change-time", token, typed);

        var times = BookingSite.Location(changing);
        Assert.Equal($"/book/times?treatment=deep-tissue&therapist=1&date=2026-12-08&pending={key}", times);
        var timesPage = await client.GetStringAsync(times);
        Assert.Contains($"name=\"Pending\" value=\"{key}\"", timesPage, StringComparison.Ordinal);
        // Picking another date in the date field keeps the booking too.
        Assert.Contains($"<input type=\"hidden\" name=\"pending\" value=\"{key}\">", timesPage, StringComparison.Ordinal);
        var back = BookingSite.Location(await client.PostFormAsync(times, "/book/times", new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-09T14:00Z", ["Pending"] = key,
        }, withToken: false));
        Assert.Equal("/book/details/" + key, back);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(back));
        Assert.Contains("Wednesday 9 December, 14:00 to 15:00", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ann Client\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"ann@example.com\"", page, StringComparison.Ordinal);
        Assert.Contains(">Lower back, left side</textarea>", page, StringComparison.Ordinal);
        Assert.Contains(">Sitting at my desk</textarea>", page, StringComparison.Ordinal);
        Assert.Matches("value=\"lower-back\" id=\"region-lower-back\" checked", page);
        Assert.Matches("value=\"hamstrings-left\" id=\"region-hamstrings-left\" checked", page);
        Assert.Matches("name=\"Answers\\[clots\\]\" value=\"yes\" checked", page);
        Assert.Matches("name=\"Answers\\[heart\\]\" value=\"no\" checked", page);
        Assert.Matches("name=\"Visit\" value=\"first\" checked", page);
        Assert.Matches("name=\"AcceptPolicy\" value=\"true\" checked", page);
        Assert.Matches("name=\"HealthConsent\" value=\"true\" checked", page);
        Assert.Matches("name=\"NoFollowUp\" value=\"true\" checked", page);
        // Nothing unchecked can be confirmed: the review sends the client back to finish the details.
        Assert.Equal("/book/details/" + key, BookingSite.Location(await client.GetAsync("/book/review/" + key)));
    }

    [Fact]
    public async Task Change_time_on_a_complete_form_comes_back_to_the_review_with_everything()
    {
        var site = shared;
        var (client, key, token) = await AtDetailsAsync(site, "2026-12-15T10:00Z");

        var times = BookingSite.Location(await PostAsync(client, $"/book/details/{key}/change-time", token, IntakeSteps.Details("neck").WithHealth()));
        var review = BookingSite.Location(await client.PostFormAsync(times, "/book/times", new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-16T14:00Z", ["Pending"] = key,
        }, withToken: false));

        Assert.Equal("/book/review/" + key, review);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(review));
        Assert.Contains("Wednesday 16 December, 14:00 to 15:00", page, StringComparison.Ordinal);
        Assert.Contains("Ann Client", page, StringComparison.Ordinal);
        Assert.Contains("Neck", page, StringComparison.Ordinal);
        Assert.Contains("Answered;", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_therapist_on_the_way_keeps_the_booking_in_progress()
    {
        var site = shared;
        var client = site.CreatePageClient();
        var key = await new BookingJourney(client).UpToReviewAsync("2026-12-10T10:00Z");
        var times = $"/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10&pending={key}";

        Assert.Contains($"therapist=1&amp;pending={key}\">Change therapist", await client.GetStringAsync(times), StringComparison.Ordinal);
        var therapists = await client.GetStringAsync($"/book/therapist?treatment=deep-tissue&therapist=1&pending={key}");
        Assert.Contains($"<input type=\"hidden\" name=\"pending\" value=\"{key}\">", therapists, StringComparison.Ordinal);
        var review = BookingSite.Location(await client.PostFormAsync($"/book/times?treatment=deep-tissue&therapist=any&date=2026-12-10&pending={key}", "/book/times",
            new Dictionary<string, string> { ["Treatment"] = "deep-tissue", ["Therapist"] = "any", ["Start"] = "2026-12-10T10:00Z", ["Pending"] = key }, withToken: false));

        Assert.Equal("/book/review/" + key, review);
        var page = await client.GetStringAsync(review);
        Assert.Contains("No preference", page, StringComparison.Ordinal);
        Assert.Contains("Ann Client", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_details_page_change_time_control_posts_the_form_and_enter_still_continues()
    {
        var site = shared;
        var (client, key, _) = await AtDetailsAsync(site, "2026-12-17T10:00Z");

        var page = await client.GetStringAsync("/book/details/" + key);

        Assert.Contains($"<button type=\"submit\" form=\"details\" formaction=\"/book/details/{key}/change-time\" formnovalidate class=\"link\">Change time</button>", page, StringComparison.Ordinal);
        // The first submit button of the form in the page is the one Enter presses: Continue, not Change time.
        var first = page.IndexOf("form=\"details\"", StringComparison.Ordinal);
        Assert.Contains("tabindex=\"-1\" aria-hidden=\"true\">Continue</button>", page[..(first + 200)], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/book/review/")]
    [InlineData("/book/details/")]
    public async Task Back_after_confirming_shows_the_booking_that_was_made(string step)
    {
        using var site = new BookingSite();
        // A site of its own: it reads the whole bookings and pending-bookings tables.
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var key = await journey.UpToReviewAsync("2026-12-08T10:00Z");
        var done = BookingSite.Location(await journey.ConfirmAsync(key));
        var reference = await site.WithDbAsync(db => db.Bookings.Select(a => a.Reference).SingleAsync());
        var manage = Security.SecuritySteps.ManageLink(await client.GetStringAsync(done));
        var token = Forms.Token(await client.GetStringAsync(manage));

        var back = await client.GetAsync(step + key);

        Assert.Equal(done, BookingSite.Location(back));
        var page = await client.GetStringAsync(done);
        Assert.Contains("Your booking is confirmed", page, StringComparison.Ordinal);
        Assert.Contains(reference, page, StringComparison.Ordinal);
        Assert.DoesNotContain("not valid", page, StringComparison.Ordinal);
        // Confirming again, or sending the details again, books and changes nothing more.
        Assert.Equal(done, BookingSite.Location(await client.PostWithTokenAsync("/book/review/" + key, token)));
        Assert.Equal(done, BookingSite.Location(await client.PostWithTokenAsync("/book/details/" + key, token, BookingJourney.Details(name: "Someone Else"))));
        Assert.Equal("Ann Client", await site.WithDbAsync(db => db.PendingBookings.Select(p => p.Name).SingleAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task Continuing_a_booking_whose_time_was_let_go_says_so_and_keeps_the_details()
    {
        using var site = new BookingSite();
        // A site of its own: it moves the clock.
        var client = site.CreatePageClient();
        var key = await new BookingJourney(client).UpToReviewAsync("2026-12-08T14:00Z");
        site.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));

        var restart = await client.GetAsync("/book/review/" + key);

        var times = BookingSite.Location(restart);
        Assert.Equal($"/book/times?treatment=deep-tissue&therapist=1&date=2026-12-08&pending={key}", times);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync(times));
        Assert.Contains("You started this booking more than 2 hours ago, so the time we were holding for you has been let go.", page, StringComparison.Ordinal);
        Assert.Contains($"name=\"Pending\" value=\"{key}\"", page, StringComparison.Ordinal);
        var review = BookingSite.Location(await client.PostFormAsync(times, "/book/times", new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-08T15:00Z", ["Pending"] = key,
        }, withToken: false));
        Assert.Equal("/book/review/" + key, review);
        Assert.Contains("Ann Client", await client.GetStringAsync(review), StringComparison.Ordinal);
        Assert.StartsWith("/book/done/", BookingSite.Location(await new BookingJourney(client).ConfirmAsync(key)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Details_sent_after_the_time_was_let_go_are_kept_and_a_new_time_asked_for()
    {
        using var site = new BookingSite();
        // A site of its own: it moves the clock.
        var (client, key, token) = await AtDetailsAsync(site, "2026-12-08T14:00Z");
        site.Clock.Advance(TimeSpan.FromHours(3));

        var sent = await PostAsync(client, "/book/details/" + key, token, IntakeSteps.Details());

        Assert.Equal($"/book/times?treatment=deep-tissue&therapist=1&date=2026-12-08&pending={key}", BookingSite.Location(sent));
        Assert.Equal("Ann Client", await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_booking_in_progress_long_gone_is_not_valid_and_says_it_may_have_expired()
    {
        using var site = new BookingSite();
        // A site of its own: it moves the clock.
        var client = site.CreatePageClient();
        var key = await new BookingJourney(client).UpToReviewAsync("2026-12-08T14:00Z");
        site.Clock.Advance(TimeSpan.FromDays(2));

        var response = await client.GetAsync("/book/review/" + key);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("It may have expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
