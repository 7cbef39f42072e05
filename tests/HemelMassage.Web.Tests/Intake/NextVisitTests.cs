using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

/// <summary>
/// The plan's next visit in the follow-up email. Sarah (therapist 1) works 09:00-13:00 and 14:00-18:00 on weekdays, on a
/// half-hour grid with 15 minutes' changeover. The visit is Tuesday 8 December at 10:00 with a plan of 2 more visits every
/// 2 weeks, so the next is planned for Tuesday 22 December at 10:00; the follow-up goes out on Wednesday 9 December at 10:00.
/// </summary>
[Trait("Database", "Both")]
public sealed partial class NextVisitTests
{
    private const string Planned = "2026-12-22T10:00Z";

    private static async Task<BookingSite> PlannedVisitAsync()
    {
        var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var id = await site.AddBookingAsync("2026-12-08T10:00Z", therapistId: 1, email: "dana@example.com", name: "Dana Plan");
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        Assert.Equal(HttpStatusCode.Redirect, (await owner.PostOnBookingAsync(id, "plan", new() { ["Visits"] = "2", ["EveryWeeks"] = "2" })).StatusCode);
        return site;
    }

    private static async Task<OutboxMessage> FollowUpAsync(BookingSite site)
    {
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await site.Services.GetRequiredService<FollowUpScheduler>().QueueDueFollowUpsAsync());
        return await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Kind == EmailKind.FollowUp));
    }

    private static List<string> OfferedStarts(string text) => [.. OfferedLink().Matches(text).Select(m => m.Groups[2].Value)];

    [Fact]
    public async Task The_follow_up_offers_the_three_free_hours_with_the_same_therapist_nearest_the_planned_date_and_none_taken()
    {
        using var site = await PlannedVisitAsync();
        // Someone else has 10:00 on the planned day; with the changeover it also rules out 09:00, 09:30, 10:30 and 11:00.
        await site.AddBookingAsync(Planned, therapistId: 1, email: "olive@example.com", name: "Olive Other");

        var email = await FollowUpAsync(site);

        Assert.Contains("Your therapist suggests 2 more visits, every 2 weeks, so your next visit would be around Tuesday 22 December.", email.TextBody);
        Assert.Contains("These hours with Sarah are free near then.", email.TextBody);
        // Nearest first by rule: 11:30 (1.5 h away), 12:00 (2 h; 12:30 would run past her 13:00 break) and 14:00 (4 h),
        // nearer than any hour on Monday 21 or Wednesday 23 December (a day away); listed in time order.
        Assert.Equal(["2026-12-22T11:30Z", "2026-12-22T12:00Z", "2026-12-22T14:00Z"], OfferedStarts(email.TextBody));
        Assert.Contains("Tuesday 22 December 2026 at 11:30", email.TextBody);
        Assert.DoesNotContain("Tuesday 22 December 2026 at 10:00", email.TextBody);
        Assert.Contains("/book/times?treatment=", email.HtmlBody);
        Assert.Contains("&amp;therapist=1&amp;start=2026-12-22T11:30Z", email.HtmlBody);
        Assert.Contains("Other times with Sarah", email.TextBody);
    }

    [Fact]
    public async Task An_offered_hour_opens_the_times_step_with_it_chosen_and_only_the_clients_own_posts_book_it()
    {
        using var site = await PlannedVisitAsync();
        var email = await FollowUpAsync(site);
        var link = OfferedLink().Matches(email.TextBody).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(l => l.Contains("start=2026-12-22T09:30Z", StringComparison.Ordinal));
        var browser = site.CreatePageClient();
        int Counts(Data.ClinicDbContext db) => db.Bookings.Count() * 1000 + db.PendingBookings.Count();
        var before = await site.WithDbAsync(db => Task.FromResult(Counts(db)));

        var page = WebUtility.HtmlDecode(await browser.GetStringAsync(link));

        Assert.Contains("Tuesday 22 December, 09:30 to 10:30 is still free and chosen below.", page);
        Assert.Matches("value=\"2026-12-22T09:30Z\" checked=\"checked\"", page);
        Assert.Single(Regex.Matches(page, "checked=\"checked\""));
        Assert.Equal(before, await site.WithDbAsync(db => Task.FromResult(Counts(db))));

        var slug = Regex.Match(link, "treatment=([a-z-]+)").Groups[1].Value;
        var details = BookingSite.Location(await browser.PostFormAsync(link, "/book/times",
            new Dictionary<string, string> { ["Treatment"] = slug, ["Therapist"] = "1", ["Start"] = "2026-12-22T09:30Z" }));
        Assert.StartsWith("/book/details/", details);
        Assert.Equal(0, await site.BookingsAtAsync("2026-12-22T09:30Z"));
        var key = details.Split('/')[^1];
        Assert.Equal("/book/review/" + key, BookingSite.Location(await browser.PostFormAsync(details, details, BookingJourney.Details("Dana Plan", "dana@example.com"))));
        Assert.Equal(HttpStatusCode.Redirect, (await new BookingJourney(browser).ConfirmAsync(key)).StatusCode);
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-22T09:30Z"));
    }

    [Fact]
    public async Task An_offered_hour_taken_before_the_client_clicks_says_so_kindly_and_shows_the_other_times_of_that_day()
    {
        using var site = await PlannedVisitAsync();
        var email = await FollowUpAsync(site);
        var link = OfferedLink().Matches(email.TextBody).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).First(l => l.Contains("start=2026-12-22T10:00Z", StringComparison.Ordinal));
        await site.AddBookingAsync(Planned, therapistId: 1, email: "olive@example.com", name: "Olive Other");

        var page = WebUtility.HtmlDecode(await site.CreatePageClient().GetStringAsync(link));

        Assert.Contains("Sorry, Tuesday 22 December, 10:00 to 11:00 is no longer free. Here are the other free times that day.", page);
        Assert.Contains("Free times on Tuesday 22 December", page);
        Assert.Contains("value=\"2026-12-22T14:00Z\"", page);
        Assert.DoesNotContain("value=\"2026-12-22T10:00Z\"", page);
        Assert.DoesNotContain("checked=\"checked\"", page);
    }

    [GeneratedRegex(@"https?://[^/\s]+(/book/times\?[^\s<#]*?start=([0-9T:-]+Z))")]
    private static partial Regex OfferedLink();
}
