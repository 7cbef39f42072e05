using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.CalendarFeeds;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Therapists;
using Ical.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// A therapist's private calendar feed (<c>/calendar/{token}.ics</c>), read as a calendar app reads it: no cookie.
/// One site for the class: each test has a therapist of its own (made here, with Sarah's hours and treatments), so
/// links and bookings of one test never show in another's feed. The site's clock stands at Monday 7 December 2026, 08:00 UTC.
/// </summary>
public sealed partial class CalendarFeedTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    [Trait("Database", "Both")]
    public async Task The_feed_has_exactly_the_therapists_live_bookings_of_the_next_60_days_with_first_name_and_treatment_only()
    {
        var (therapist, other) = (await NewTherapistAsync("Feed Content"), await NewTherapistAsync("Feed Neighbour"));
        var staff = await site.SignedInTherapistAsync(therapist);
        var shown = await site.AddBookingAsync("2026-12-08T10:00Z", therapist, "ann.quillfeather@example.com", "Ann Quillfeather", "Left knee after a fall");
        var lastDay = await site.AddBookingAsync("2027-02-05T07:00Z", therapist, "bo.marchbank@example.com", "Bo Marchbank");
        var cancelled = await site.AddBookingAsync("2026-12-09T10:00Z", therapist, "ann.quillfeather@example.com", "Ann Quillfeather");
        await SetStatusAsync(cancelled, BookingStatus.Cancelled);
        var lateCancelled = await site.AddBookingAsync("2026-12-10T10:00Z", therapist, "ann.quillfeather@example.com", "Ann Quillfeather");
        await SetStatusAsync(lateCancelled, BookingStatus.LateCancellation);
        await site.AddBookingAsync("2027-02-05T09:00Z", therapist, "bo.marchbank@example.com", "Bo Marchbank");
        await site.AddBookingAsync("2026-12-04T10:00Z", therapist, "ann.quillfeather@example.com", "Ann Quillfeather");
        await site.AddBookingAsync("2026-12-08T10:00Z", other, "cy.otherfeed@example.com", "Cy Otherfeed");

        var response = await AnonymousFeedAsync(await MakeLinkAsync(staff));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var calendar = Calendar.Load(body)!;
        Assert.Equal([await UidAsync(shown), await UidAsync(lastDay)], calendar.Events.Select(e => e.Uid));
        var treatment = await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == 1).Select(t => t.Name).SingleAsync());
        Assert.Equal([$"Ann: {treatment}", $"Bo: {treatment}"], calendar.Events.Select(e => e.Summary));
        Assert.All(calendar.Events, e => Assert.Equal(ClinicAddress.OneLine(site.Services.GetRequiredService<ClinicOptions>()), e.Location));
        Assert.All(calendar.Events, e => Assert.Null(e.Description));
        Assert.All(calendar.Events, e => Assert.Empty(e.Attendees));
        Assert.Equal(BookingSite.Utc("2026-12-08T10:00Z"), calendar.Events[0]!.DtStart!.AsUtc);
        foreach (var secret in new[] { "Quillfeather", "quillfeather", "Marchbank", "@example.com", "07700", "900123", "Left knee", "Otherfeed" })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }
        AssertRfc5545(body, "Feed Content's bookings at Hemel Massage");
    }

    [Fact]
    public async Task A_moved_booking_keeps_its_uid_with_a_higher_sequence_and_a_cancelled_one_leaves_the_feed()
    {
        var therapist = await NewTherapistAsync("Feed Moves");
        var staff = await site.SignedInTherapistAsync(therapist);
        var moved = await site.AddBookingAsync("2026-12-15T10:00Z", therapist, "dee.moved@example.com", "Dee Moved");
        var toCancel = await site.AddBookingAsync("2026-12-16T10:00Z", therapist, "eve.cancelled@example.com", "Eve Cancelled");
        var feed = await MakeLinkAsync(staff);
        var before = Calendar.Load(await (await AnonymousFeedAsync(feed)).Content.ReadAsStringAsync())!.Events.Single(e => e.Summary!.StartsWith("Dee", StringComparison.Ordinal));

        var (owner, _) = await site.SignedInAsAsync("Owner");
        var move = await owner.PostFormAsync($"/admin/bookings/{moved}", $"/admin/bookings/{moved}/move",
        [
            new("Move.Version", "0"), new("Move.TherapistId", $"{therapist}"), new("Move.Date", "2026-12-15"), new("Move.Time", "14:00"),
            .. Enum.GetNames<BookingRule>().Select(rule => KeyValuePair.Create("Move.Acknowledged", rule)),
        ]);
        var cancel = await owner.PostOnBookingAsync(toCancel, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Client phoned" });
        var after = Calendar.Load(await (await AnonymousFeedAsync(feed)).Content.ReadAsStringAsync())!.Events;

        Assert.Equal(HttpStatusCode.Redirect, move.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, cancel.StatusCode);
        var entry = Assert.Single(after);
        Assert.Equal(before.Uid, entry.Uid);
        Assert.True(entry.Sequence > before.Sequence, $"SEQUENCE {entry.Sequence} after the move, {before.Sequence} before");
        Assert.Equal(BookingSite.Utc("2026-12-15T14:00Z"), entry.DtStart!.AsUtc);
    }

    [Fact]
    public async Task The_link_is_shown_once_a_new_link_stops_the_old_one_at_once_and_stopping_it_ends_the_feed_all_audited()
    {
        var therapist = await NewTherapistAsync("Feed Renewed");
        var staff = await site.SignedInTherapistAsync(therapist);

        var first = await MakeLinkAsync(staff);
        var account = await staff.GetStringAsync("/admin/account");
        Assert.DoesNotContain(first, account, StringComparison.Ordinal);
        Assert.Contains("You have a calendar link, made", account, StringComparison.Ordinal);

        var second = await MakeLinkAsync(staff);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousFeedAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousFeedAsync(second)).StatusCode);

        var stopped = await staff.PostFormAsync("/admin/account", "/admin/account/calendar/stop", new Dictionary<string, string>());
        Assert.Contains("Your calendar link is stopped", await staff.FollowAsync(stopped), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousFeedAsync(second)).StatusCode);
        Assert.Equal([CalendarFeedLinks.Made, CalendarFeedLinks.Replaced, CalendarFeedLinks.Stopped], await AuditAsync("Feed Renewed"));
    }

    [Fact]
    public async Task The_Owner_stops_a_therapists_link_on_the_therapists_page_and_reception_cannot()
    {
        var therapist = await NewTherapistAsync("Feed Stopped");
        var staff = await site.SignedInTherapistAsync(therapist);
        var feed = await MakeLinkAsync(staff);
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var page = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/therapists/{therapist}"));
        Assert.Contains("Feed Stopped has a private calendar link", page, StringComparison.Ordinal);
        Assert.DoesNotContain(feed, page, StringComparison.Ordinal);
        var refused = await reception.PostFormAsync("/admin/account", $"/admin/therapists/{therapist}/calendar/stop", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await AnonymousFeedAsync(feed)).StatusCode);

        var stopped = await owner.PostFormAsync($"/admin/therapists/{therapist}", $"/admin/therapists/{therapist}/calendar/stop", new Dictionary<string, string>());

        Assert.Contains("Feed Stopped has no calendar link", await owner.FollowAsync(stopped), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousFeedAsync(feed)).StatusCode);
        Assert.Equal([CalendarFeedLinks.Made, CalendarFeedLinks.Stopped], await AuditAsync("Feed Stopped"));
    }

    [Fact]
    public async Task A_forged_malformed_or_unknown_token_gets_the_same_404_as_any_unknown_address()
    {
        var anonymous = site.CreatePageClient();
        var unknownPage = await anonymous.GetAsync("/no-such-page");

        foreach (var path in new[]
        {
            $"/calendar/{Secrets.NewToken()}.ics", "/calendar/short.ics", $"/calendar/{new string('A', 42)}%C3%A9.ics", $"/calendar/{new string('A', 42)}%2F.ics",
            $"/calendar/{new string('~', 43)}.ics", $"/calendar/{Secrets.NewToken()}", "/calendar/.ics", $"/calendar/{Secrets.NewToken()}{Secrets.NewToken()}.ics",
        })
        {
            var response = await anonymous.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path}: {(int)response.StatusCode}");
            Assert.Equal(unknownPage.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_disabled_therapists_feed_stops_with_their_account()
    {
        var therapist = await NewTherapistAsync("Feed Disabled");
        var staff = await site.SignedInTherapistAsync(therapist);
        var feed = await MakeLinkAsync(staff);

        await site.WithDbAsync(async db =>
        {
            await db.Users.Where(u => u.TherapistId == therapist).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsDisabled, true));
            return 0;
        });

        Assert.Equal(HttpStatusCode.NotFound, (await AnonymousFeedAsync(feed)).StatusCode);
    }

    /// <summary>What Google, Apple and Outlook need of a subscribed file (RFC 5545 3.1, 3.4, 3.6, 3.7).</summary>
    private static void AssertRfc5545(string body, string calendarName)
    {
        Assert.DoesNotMatch(LoneLineBreak(), body);
        Assert.EndsWith("END:VCALENDAR\r\n", body, StringComparison.Ordinal);
        var lines = body.Split("\r\n")[..^1];
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Longer than 75 octets: {line}"));
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains("METHOD:PUBLISH", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("DTSTAMP:", StringComparison.Ordinal) && l.EndsWith('Z'));
        Assert.All(lines.Where(l => l.StartsWith("DTSTART", StringComparison.Ordinal) || l.StartsWith("DTEND", StringComparison.Ordinal)),
            l => Assert.Matches(@"^DT(START|END):\d{8}T\d{6}Z$", l));
        Assert.Equal(calendarName, Calendar.Load(body)!.Properties["X-WR-CALNAME"]!.Value);
    }

    [GeneratedRegex("(?<!\r)\n|\r(?!\n)")]
    private static partial Regex LoneLineBreak();

    [GeneratedRegex("id=\"calendar-url\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex ShownUrl();

    /// <summary>Makes (or renews) the signed-in therapist's link on their account page; the feed's path as the page shows it.</summary>
    private static async Task<string> MakeLinkAsync(HttpClient staff)
    {
        var made = await staff.PostFormAsync("/admin/account", "/admin/account/calendar", new Dictionary<string, string>());
        var match = ShownUrl().Match(await staff.FollowAsync(made));
        Assert.True(match.Success, "The account page shows no calendar address after making one.");
        var url = new Uri(match.Groups[1].Value);
        Assert.Matches("^/calendar/[A-Za-z0-9_-]{43}\\.ics$", url.AbsolutePath);
        return url.AbsolutePath;
    }

    private Task<HttpResponseMessage> AnonymousFeedAsync(string path) => site.CreatePageClient().GetAsync(path);

    private Task<int> NewTherapistAsync(string name) => site.WithDbAsync(async db =>
    {
        var sarah = await db.Therapists.Include(t => t.Treatments).Include(t => t.Hours).AsNoTracking().SingleAsync(t => t.Id == 1);
        var therapist = new Therapist { Name = name, SortOrder = 100 };
        therapist.Treatments.AddRange(await db.Treatments.Where(t => sarah.Treatments.Select(s => s.Id).Contains(t.Id)).ToListAsync());
        therapist.Hours.AddRange(sarah.Hours.Select(h => new WorkingHours { Day = h.Day, Start = h.Start, End = h.End }));
        db.Therapists.Add(therapist);
        await db.SaveChangesAsync();
        return therapist.Id;
    });

    private Task<int> SetStatusAsync(int bookingId, BookingStatus status) => site.WithDbAsync(db =>
        db.Bookings.Where(b => b.Id == bookingId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status)));

    private async Task<string> UidAsync(int bookingId) => (await site.BookingAsync(bookingId)).CalendarUid.ToString("D") + "@"
        + site.Services.GetRequiredService<ClinicOptions>().BaseUri.Host;

    private Task<List<string>> AuditAsync(string therapistName) => site.WithDbAsync(db =>
        db.AuditEntries.Where(e => e.Subject == therapistName && e.Action.StartsWith("calendar-feed.")).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
}
