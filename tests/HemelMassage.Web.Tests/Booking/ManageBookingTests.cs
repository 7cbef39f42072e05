using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Booking;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

public sealed partial class ManageBookingTests
{
    private static async Task<string> BookAsync(HttpClient client, string start)
    {
        var journey = new BookingJourney(client);
        var done = BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync(start)));
        return ManageLink().Match(await client.GetStringAsync(done)).Groups[1].Value;
    }

    [Fact]
    public async Task Cancelling_keeps_the_row_frees_the_hour_and_uses_up_the_link()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-10T10:00Z");
        Assert.DoesNotContain("value=\"2026-12-10T10:00Z\"", await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10"), StringComparison.Ordinal);

        var cancelled = await BookingSite.PostFormAsync(client, manage, manage + "/cancel", new Dictionary<string, string>());

        Assert.Contains("Your booking is cancelled", await cancelled.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("value=\"2026-12-10T10:00Z\"", await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10"), StringComparison.Ordinal);
        var row = await site.WithDbAsync(db => db.Appointments.Include(a => a.Changes).SingleAsync());
        Assert.Equal(AppointmentStatus.Cancelled, row.Status);
        Assert.Equal(2, row.Changes.Count);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(manage)).StatusCode);
    }

    [Fact]
    public async Task Rescheduling_keeps_the_reference_and_calendar_uid_and_raises_the_sequence()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-10T10:00Z");
        var before = await site.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync());

        var moved = await BookingSite.PostFormAsync(client, manage + "/reschedule?date=2026-12-11", manage + "/reschedule",
            new Dictionary<string, string> { ["Start"] = "2026-12-11T14:00Z" });

        Assert.Equal(manage + "?message=moved", BookingSite.Location(moved));
        var after = await site.WithDbAsync(db => db.Appointments.AsNoTracking().SingleAsync());
        Assert.Equal((before.Reference, before.CalendarUid, before.CalendarSequence + 1), (after.Reference, after.CalendarUid, after.CalendarSequence));
        Assert.Equal(new DateTime(2026, 12, 11, 15, 0, 0), after.EndUtc);
        Assert.Contains("SEQUENCE:1", await client.GetStringAsync(manage + "/calendar.ics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inside_the_cut_off_the_page_gives_the_phone_number_and_refuses_changes()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-08T10:00Z");
        var token = BookingSite.Token(await client.GetStringAsync(manage));

        site.Clock.Advance(TimeSpan.FromHours(2) + TimeSpan.FromMinutes(1));
        var page = await client.GetStringAsync(manage);
        var cancel = await client.PostAsync(manage + "/cancel", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Contains("can't be changed online", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        Assert.Contains("01442 000000", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/cancel", page, StringComparison.Ordinal);
        Assert.Equal(manage, BookingSite.Location(cancel));
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-08T10:00Z"));
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("short")]
    [InlineData("x")]
    public async Task A_tampered_or_unknown_token_gets_the_same_plain_not_valid_page(string kind)
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var manage = await BookAsync(client, "2026-12-10T10:00Z");
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
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-10T10:00Z"));
    }

    [GeneratedRegex("id=\"manage-link\">http://localhost:5065(/booking/[^<]+)<")]
    private static partial Regex ManageLink();
}
