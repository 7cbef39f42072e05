using HemelMassage.Web.Tests.Support;
using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Articles;
using HemelMassage.Web.Tests.Intake;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// A booking in progress belongs to the browser that started it. The stranger here is a second HttpClient: its
/// own cookies, the victim's key (from a shared link, a history, a shoulder). The tests on <c>oneSite</c> each hold
/// hours of their own (a booking in progress holds its time).
/// </summary>
public sealed class BrowserBindingTests(BookingSite oneSite) : IClassFixture<BookingSite>
{
    private const string Refusal = "This booking was started in another browser";

    private static async Task<(HttpClient Victim, string Key)> VictimAtReviewAsync(BookingSite site, string start = "2026-12-08T10:00Z")
    {
        var victim = site.CreatePageClient();
        var fields = IntakeSteps.Details("lower-back").WithHealth("clots").With("HealthDetails", "Warfarin since May");
        var (response, key) = await IntakeSteps.PostDetailsAsync(victim, start, fields);
        Assert.Equal("/book/review/" + key, BookingSite.Location(response));
        return (victim, key);
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(Refusal, html, StringComparison.Ordinal);
        Assert.Contains("Start again", html, StringComparison.Ordinal);
        foreach (var secret in new[] { "Ann Client", "ann@example.com", "07700 900123", "Lower back, left side", "Warfarin" })
        {
            Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stranger_holding_the_key_cannot_read_the_details_or_the_review()
    {
        var site = oneSite;
        var (_, key) = await VictimAtReviewAsync(site);
        var stranger = site.CreatePageClient();

        await AssertRefusedAsync(await stranger.GetAsync("/book/details/" + key));
        await AssertRefusedAsync(await stranger.GetAsync("/book/review/" + key));
        await AssertRefusedAsync(await stranger.GetAsync("/book/done/" + key));
    }

    [Fact]
    public async Task A_stranger_holding_the_key_cannot_confirm_the_booking_or_change_it()
    {
        using var site = new BookingSite();
        // A site of its own: it counts every booking.
        var (victim, key) = await VictimAtReviewAsync(site);
        var stranger = site.CreatePageClient();
        // A real antiforgery token of the stranger's own, from a booking it started itself.
        var own = BookingSite.Location(await new BookingJourney(stranger).ChooseAsync("2026-12-09T10:00Z"));
        var token = Forms.Token(await stranger.GetStringAsync(own));
        Task<HttpResponseMessage> Post(string action, params (string, string)[] fields) =>
            stranger.PostWithTokenAsync(action, token, fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

        await AssertRefusedAsync(await Post("/book/review/" + key));
        await AssertRefusedAsync(await Post("/book/details/" + key, ("Name", "Mallory"), ("Email", "mallory@example.com")));
        await AssertRefusedAsync(await Post("/book/details/" + key + "/change-time", ("Name", "Mallory")));
        await AssertRefusedAsync(await Post("/book/times", ("Treatment", "deep-tissue"), ("Therapist", "1"), ("Start", "2026-12-10T10:00Z"), ("Pending", key)));

        Assert.Equal(0, await site.WithDbAsync(db => db.Bookings.CountAsync()));
        var pending = await site.WithDbAsync(db => db.PendingBookings.AsNoTracking().SingleAsync(p => p.Key == key));
        Assert.Equal(("Ann Client", new DateTime(2026, 12, 8, 10, 0, 0)), (pending.Name, pending.StartUtc));
        // The victim, in their own browser, goes on as if nothing happened and gets the manage link.
        var done = BookingSite.Location(await new BookingJourney(victim).ConfirmAsync(key));
        Assert.Contains("id=\"manage-link\"", await victim.GetStringAsync(done), StringComparison.Ordinal);
        await AssertRefusedAsync(await stranger.GetAsync(done));
        await AssertRefusedAsync(await stranger.GetAsync(done + "/calendar.ics"));
    }

    [Fact]
    public async Task A_stranger_cannot_attach_its_key_to_the_victims_booking()
    {
        var site = oneSite;
        var attacker = site.CreatePageClient();
        var planted = BookingSite.Location(await new BookingJourney(attacker).ChooseAsync("2026-12-09T10:00Z")).Split('/')[^1];
        var victim = site.CreatePageClient();
        var times = $"{BookingJourney.TimesPage}&pending={planted}";

        // The victim follows the attacker's link: refused with a fresh start, not the attacker's booking to fill in.
        var page = await victim.GetAsync(times);
        await AssertRefusedAsync(page);
        Assert.Contains("href=\"/book/times?treatment=deep-tissue&amp;therapist=1\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertRefusedAsync(await victim.GetAsync("/book/details/" + planted));
        await AssertRefusedAsync(await victim.PostFormAsync(BookingJourney.TimesPage, "/book/times", new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-10T10:00Z", ["Pending"] = planted,
        }, withToken: false));

        // Starting again, the victim gets a key of their own; the attacker's stays empty and its time unchanged.
        var fresh = BookingSite.Location(await new BookingJourney(victim).ChooseAsync("2026-12-10T10:00Z")).Split('/')[^1];
        Assert.NotEqual(planted, fresh);
        var attackers = await site.WithDbAsync(db => db.PendingBookings.AsNoTracking().SingleAsync(p => p.Key == planted));
        Assert.Equal((null, new DateTime(2026, 12, 9, 10, 0, 0)), (attackers.Name, attackers.StartUtc));
        Assert.Equal(HttpStatusCode.Forbidden, (await attacker.GetAsync("/book/details/" + fresh)).StatusCode);
    }

    [Fact]
    public async Task The_times_page_with_a_key_is_never_the_shared_cached_one()
    {
        var site = oneSite;
        var (victim, key) = await VictimAtReviewAsync(site, "2026-12-15T10:00Z");
        var stranger = site.CreatePageClient();
        var url = $"{BookingJourney.TimesPage}&pending={key}";

        var victims = await victim.GetStringAsync(url);
        var strangers = await stranger.GetAsync(url);

        Assert.Contains($"name=\"Pending\" value=\"{key}\"", victims, StringComparison.Ordinal);
        await AssertRefusedAsync(strangers);
        // The page without a key is still shared by everyone and sets no cookie.
        var shared = await stranger.GetAsync(BookingJourney.TimesPage);
        Assert.Equal(HttpStatusCode.OK, shared.StatusCode);
        Assert.False(shared.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task A_key_made_before_browsers_were_bound_is_refused_with_a_fresh_start()
    {
        var site = oneSite;
        var client = site.CreatePageClient();
        var key = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-16T10:00Z")).Split('/')[^1];
        await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).ExecuteUpdateAsync(s => s.SetProperty(p => p.BrowserHash, (string?)null)));

        await AssertRefusedAsync(await client.GetAsync("/book/details/" + key));
    }

    [Fact]
    public async Task Outside_development_the_booking_cookie_is_host_only_secure_http_only_and_lax()
    {
        using var site = new BookingSite();
        // A site of its own: it runs in production.
        site.InProduction();
        var client = site.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://www.hemelmassage.example") });

        var chosen = await new BookingJourney(client).ChooseAsync("2026-12-09T10:00Z");

        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-hm-booking=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("path=/", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=lax", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("domain=", cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(BookingSite.Location(chosen))).StatusCode);
    }
}
