using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using static HemelMassage.Web.Tests.Booking.WaitlistSite;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The waitlist end to end through the pages, on the stopped clock of <see cref="BookingSite"/> (Monday 7 December
/// 2026, 08:00 GMT, inside the waking hours): join, offer on cancel, hold, claim, pass-on, leave.
/// </summary>
[Trait("Database", "Both")]
public sealed class WaitlistTests
{
    [Fact]
    public async Task Joining_from_the_times_step_says_what_will_happen_and_emails_a_link_that_leaves_the_list_by_a_button()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        var times = await client.GetStringAsync(BookingJourney.TimesPage);
        Assert.Contains("/waitlist/join?treatment=deep-tissue&amp;therapist=1", times, StringComparison.Ordinal);
        var form = await client.GetStringAsync("/waitlist/join?treatment=deep-tissue&therapist=1&date=2026-12-08");
        Assert.Contains("held for you alone for 30 minutes", form, StringComparison.Ordinal);
        Assert.Contains("between 08:00 and 21:00", form, StringComparison.Ordinal);

        Assert.Equal("/waitlist/joined", BookingSite.Location(await JoinAsync(client, "wendy@example.com")));

        var leave = await LinkAsync(site, EmailKind.WaitlistJoined, "wendy@example.com");
        Assert.NotNull(leave);
        var page = await client.GetStringAsync(leave);
        Assert.Contains("<button type=\"submit\">Leave the waitlist</button>", page, StringComparison.Ordinal);
        Assert.Equal(WaitlistState.Waiting, await site.WithDbAsync(db => db.WaitlistEntries.Select(e => e.State).SingleAsync()));
        await client.PostFormAsync(leave, leave, []);
        Assert.Equal(WaitlistState.Left, await site.WithDbAsync(db => db.WaitlistEntries.Select(e => e.State).SingleAsync()));
        Assert.Contains("You are not on the waitlist", await client.GetStringAsync(leave), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_hour_goes_to_the_first_to_join_alone_is_hidden_from_the_times_page_and_claiming_books_it_once()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        await BookAsync(site, client);
        await JoinAsync(client, "first@example.com");
        await JoinAsync(client, "second@example.com");

        await CancelAsync(site);

        var offer = Assert.Single(await OffersAsync(site));
        Assert.Equal("first@example.com", offer.Entry!.Email);
        Assert.Equal(BookingSite.Monday.UtcDateTime.AddMinutes(30), offer.HeldUntilUtc);
        Assert.DoesNotContain($"value=\"{Hour}\"", await client.GetStringAsync(BookingJourney.TimesPage), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, (await new BookingJourney(site.CreatePageClient()).ChooseAsync(Hour)).StatusCode);

        var link = (await LinkAsync(site, EmailKind.WaitlistOffer, "first@example.com"))!;
        var page = await client.GetStringAsync(link);
        Assert.Contains("Book this hour", page, StringComparison.Ordinal);
        await client.PostFormAsync(link, link, []);
        await client.PostFormAsync(link, link, []);

        Assert.Equal(1, await site.BookingsAtAsync(Hour));
        Assert.Contains("Your booking is confirmed", await client.GetStringAsync(link), StringComparison.Ordinal);
        Assert.Equal(WaitlistState.Booked, await site.WithDbAsync(db => db.WaitlistEntries.Where(e => e.Email == "first@example.com").Select(e => e.State).SingleAsync()));
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == EmailKind.Confirmation && m.ToAddress == "first@example.com")));
        Assert.Null(await LinkAsync(site, EmailKind.WaitlistOffer, "second@example.com"));
    }

    [Fact]
    public async Task An_unclaimed_hold_passes_to_the_next_match_after_the_hold_and_nobody_is_offered_the_same_hour_twice()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        await BookAsync(site, client);
        await JoinAsync(client, "first@example.com");
        await JoinAsync(client, "second@example.com");
        await CancelAsync(site);
        var firstLink = (await LinkAsync(site, EmailKind.WaitlistOffer, "first@example.com"))!;

        site.Clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await RunJobAsync(site));
        site.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await RunJobAsync(site));

        var offers = await OffersAsync(site);
        Assert.Equal([OfferState.Expired, OfferState.Offered], offers.Select(o => o.State));
        Assert.Equal("second@example.com", offers[1].Entry!.Email);
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == EmailKind.WaitlistExpired && m.ToAddress == "first@example.com")));
        await client.PostFormAsync(firstLink, firstLink, []);
        var late = await client.GetStringAsync(firstLink);
        Assert.Contains("the hold on this hour has ended", late, StringComparison.Ordinal);
        Assert.Contains("You are still on the waitlist", late, StringComparison.Ordinal);
        Assert.Equal(0, await site.BookingsAtAsync(Hour));

        // The second declines: the hour has no one left who was not offered it already.
        var secondLink = (await LinkAsync(site, EmailKind.WaitlistOffer, "second@example.com"))!;
        await client.PostFormAsync(secondLink, secondLink + "/decline", []);
        Assert.Equal([OfferState.Expired, OfferState.Declined], (await OffersAsync(site)).Select(o => o.State));
        Assert.Contains($"value=\"{Hour}\"", await client.GetStringAsync(BookingJourney.TimesPage), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hold_offered_late_in_the_evening_runs_on_the_next_morning()
    {
        var site = BookingSite.At(new DateTimeOffset(2026, 12, 7, 20, 50, 0, TimeSpan.Zero));
        using var _ = site;
        var hold = new HoldClock(Microsoft.Extensions.Options.Options.Create(new WaitlistOptions()), Microsoft.Extensions.Options.Options.Create(new BookingOptions()));
        Assert.Equal(new DateTime(2026, 12, 8, 8, 20, 0, DateTimeKind.Utc), hold.HeldUntil(new DateTime(2026, 12, 7, 20, 50, 0, DateTimeKind.Utc), new DateTime(2026, 12, 9, 10, 0, 0, DateTimeKind.Utc)));
        // Never past the last moment the hour can be booked online (two hours' notice).
        Assert.Equal(new DateTime(2026, 12, 8, 8, 0, 0, DateTimeKind.Utc), hold.HeldUntil(new DateTime(2026, 12, 7, 20, 50, 0, DateTimeKind.Utc), new DateTime(2026, 12, 8, 10, 0, 0, DateTimeKind.Utc)));
        // British summer time: the waking hours are clinic time, 07:00-20:00 UTC.
        Assert.Equal(new DateTime(2026, 7, 7, 7, 20, 0, DateTimeKind.Utc), hold.HeldUntil(new DateTime(2026, 7, 6, 19, 50, 0, DateTimeKind.Utc), new DateTime(2026, 7, 9, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public async Task Forged_links_and_a_range_outside_the_window_get_a_clear_page_and_store_nothing()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        var forged = "/waitlist/offer/" + new string('A', 43);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/waitlist/offer/%3Cscript%3E")).StatusCode);
        var posted = await client.PostFormAsync("/waitlist/join?treatment=deep-tissue&therapist=1", forged, []);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/waitlist/leave/" + new string('B', 43))).StatusCode);

        var far = await JoinAsync(client, "far@example.com", from: "2027-06-01", to: "2027-06-10");
        Assert.Equal(HttpStatusCode.OK, far.StatusCode);
        Assert.Contains("we take bookings up to 60 days ahead", await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var backwards = await JoinAsync(client, "back@example.com", from: "2026-12-10", to: "2026-12-08");
        Assert.Contains("Please choose a last day on or after the first day.", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var garbage = await JoinAsync(client, "not an email", therapist: "99x", from: "tomorrow", to: "");
        Assert.Equal(HttpStatusCode.OK, garbage.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.WaitlistEntries.CountAsync()));
    }

    [Fact]
    public async Task Two_presses_of_one_claim_at_once_make_one_booking()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        await BookAsync(site, client);
        await JoinAsync(client, "first@example.com");
        await CancelAsync(site);
        var link = (await LinkAsync(site, EmailKind.WaitlistOffer, "first@example.com"))!;
        var token = Forms.Token(await client.GetStringAsync(link));

        var other = site.CreatePageClient();
        var otherToken = Forms.Token(await other.GetStringAsync(link));
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => i % 2 == 0 ? client.PostWithTokenAsync(link, token) : other.PostWithTokenAsync(link, otherToken)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await site.BookingsAtAsync(Hour));
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == EmailKind.Confirmation && m.ToAddress == "first@example.com")));
    }

    // A claim racing the hold's end: ClaimAtTheHoldsEndTests (a second before and a second after, against the job).

    [Fact]
    public async Task A_claim_racing_an_online_booking_of_the_same_hour_makes_one_booking()
    {
        using var site = Create();
        var client = site.CreatePageClient();
        await JoinAsync(client, "first@example.com");
        // The online client chose the hour while it was free; then staff offered it by hand.
        var key = await site.PendingAsync(client, Hour, email: "online@example.com");
        var offered = await site.WithDbAsync(async db =>
        {
            var entryId = await db.WaitlistEntries.Select(e => e.Id).SingleAsync();
            return await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<WaitlistDesk>(
                Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(site.Services).ServiceProvider)
                .OfferAsync(entryId, 1, BookingSite.Utc(Hour), "Olive Owner", default);
        });
        Assert.True(offered.Done);
        var link = (await LinkAsync(site, EmailKind.WaitlistOffer, "first@example.com"))!;
        var claimToken = Forms.Token(await client.GetStringAsync(link));
        var confirmToken = Forms.Token(await client.GetStringAsync("/book/review/" + key));

        await Task.WhenAll(client.PostWithTokenAsync(link, claimToken), client.PostWithTokenAsync("/book/review/" + key, confirmToken));

        Assert.Equal(1, await site.BookingsAtAsync(Hour));
    }
}
