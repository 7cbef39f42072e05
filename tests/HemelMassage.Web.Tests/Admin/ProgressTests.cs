using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>The client's progress over visits, the review-or-refer prompt, and the summary shared only with consent.</summary>
public sealed partial class ProgressTests(BookingSite shared) : IClassFixture<BookingSite>
{
    private const string NoteMarker = "Zqnote4417 sore after gardening";

    /// <summary>Ann: lower back 7 to 3 over four visits with Sarah, a different area worked each time, the last note signed.</summary>
    private static Task<List<int>> AnnAsync(BookingSite site) => site.SeedVisitsAsync("ann@example.com", "Ann Client",
        new("2026-11-02T10:00Z", ["lower-back"], ["hamstrings-left", "hamstrings-right"], AtBooking: 7, Before: 7, After: 6),
        new("2026-11-09T10:00Z", ["lower-back"], ["glutes-left", "glutes-right", "lower-back"], AtBooking: 6, Before: 6, After: 5),
        new("2026-11-16T10:00Z", ["lower-back"], ["hip-flexors-left", "hip-flexors-right"], Before: 5, After: 4),
        new("2026-11-23T10:00Z", ["lower-back"], ["hamstrings-left", "hip-flexors-right"], AtBooking: 4, Before: 4, After: 3, SignedNote: NoteMarker));

    private static async Task<int> ClientOfAsync(BookingSite site, int bookingId) => (await site.BookingAsync(bookingId)).ClientId;

    private static string Flat(string html) => Spaces().Replace(WebUtility.HtmlDecode(html), "><");

    [Fact]
    public async Task The_progress_page_says_each_felt_areas_scores_over_the_visits_beside_the_areas_worked_in_words_and_a_table()
    {
        // Shared with the Dee test: Ann's visits and Dee's take different hours, and each reads only its own client.
        var site = shared;
        var ids = await AnnAsync(site);
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var clientId = await ClientOfAsync(site, ids[0]);

        var html = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{clientId}/progress"));
        var table = Flat(html);

        Assert.Contains("Lower back 7 to 3 over 4 visits; worked hamstrings, glutes, hip flexors", html);
        Assert.Contains("<th scope=\"row\">1 · 2 Nov 2026</th><td>7</td><td>7</td><td>6</td><td>hamstrings</td>", table);
        Assert.Contains("<th scope=\"row\">3 · 16 Nov 2026</th><td>none</td><td>5</td><td>4</td><td>hip flexors</td>", table);
        Assert.Contains("<th scope=\"row\">4 · 23 Nov 2026</th><td>4</td><td>4</td><td>3</td><td>right hip flexor (front of hip), left back of thigh (hamstrings)</td>", table);
        // The chart: an SVG with its text alternative, a marker per score (11) and one of each shape in the legend (3).
        Assert.Contains("<title id=\"chart-lower-back-title\">Lower back: pain score over visits</title>", html);
        Assert.Equal(14, Regex.Count(html, "class=\"progress-mark "));
        Assert.Equal(4 + 1, Regex.Count(html, "class=\"progress-mark after\""));
        Assert.DoesNotContain("Review the plan or refer", html);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "client.record-read" && a.Subject == $"client {clientId}")));
        // The client page links to it.
        Assert.Contains($"href=\"/admin/clients/{clientId}/progress\"", await owner.GetStringAsync($"/admin/clients/{clientId}"));
    }

    [Fact]
    public async Task Who_may_read_the_progress_the_Owner_and_the_treating_therapist_not_another_therapist_or_reception()
    {
        using var site = new BookingSite();
        // A site of its own: it counts the whole consents table.
        var ids = await AnnAsync(site);
        var clientId = await ClientOfAsync(site, ids[0]);
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var sarah = await site.SignedInTherapistAsync(1);
        var james = await site.SignedInTherapistAsync(2);
        var (desk, _) = await site.SignedInAsAsync("Reception");

        foreach (var page in new[] { "progress", "summary" })
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/admin/clients/{clientId}/{page}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await sarah.GetAsync($"/admin/clients/{clientId}/{page}")).StatusCode);
            foreach (var outsider in new[] { james, desk })
            {
                var response = await outsider.GetAsync($"/admin/clients/{clientId}/{page}");
                var html = await response.Content.ReadAsStringAsync();
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("This is a clinical record", html);
                Assert.DoesNotContain("7 to 3", html);
            }
        }
        var consent = await james.PostFormAsync("/admin/diary", $"/admin/clients/{clientId}/summary/consent",
            new() { ["GivenBy"] = "Ann Client", ["SharedWith"] = "Dr Patel", ["Agreed"] = "true" });
        Assert.Equal(HttpStatusCode.Forbidden, consent.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.SummaryConsents.CountAsync()));
    }

    [Fact]
    public async Task The_summary_is_refused_until_the_clients_consent_is_recorded_and_then_prints_maps_scores_and_notes()
    {
        using var site = new BookingSite();
        // A site of its own: it reads the whole consents table.
        var ids = await AnnAsync(site);
        var clientId = await ClientOfAsync(site, ids[0]);
        var sarah = await site.SignedInTherapistAsync(1);
        var summary = $"/admin/clients/{clientId}/summary";

        var before = WebUtility.HtmlDecode(await sarah.GetStringAsync(summary));
        var refused = await sarah.PostFormAsync(summary, summary + "/consent", new() { ["GivenBy"] = "Ann Client", ["SharedWith"] = " " });
        var recorded = await sarah.PostFormAsync(summary, summary + "/consent",
            new() { ["GivenBy"] = "Ann Client", ["SharedWith"] = "Dr Patel, Parkwood Surgery", ["Agreed"] = "true" });
        var after = WebUtility.HtmlDecode(await sarah.GetStringAsync(summary));

        Assert.Contains("only once the client has agreed to share it", before);
        Assert.DoesNotContain(NoteMarker, before);
        Assert.DoesNotContain("7 to 3", before);
        var errors = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Enter who the summary is for", errors);
        Assert.Contains("Tick the box to confirm the client agreed", errors);
        Assert.DoesNotContain(NoteMarker, errors);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Contains("For Dr Patel, Parkwood Surgery. Shared with the consent of Ann Client", after);
        Assert.Contains(NoteMarker, after);
        Assert.Contains("Lower back 7 to 3 over 4 visits", after);
        Assert.Contains("data-region=\"lower-back\" class=\"on\"", after);
        var audit = await site.WithDbAsync(db => db.AuditEntries.Select(a => new { a.Action, a.Detail }).ToListAsync());
        Assert.Contains(audit, a => a.Action == "client.summary-consent" && a.Detail.Contains("Dr Patel"));
        Assert.Contains(audit, a => a.Action == "client.summary-read");
        Assert.All(audit, a => Assert.DoesNotContain(NoteMarker, a.Detail));
        var consent = await site.WithDbAsync(db => db.SummaryConsents.SingleAsync());
        Assert.Equal(("Ann Client", "Dr Patel, Parkwood Surgery", BookingSite.Monday.UtcDateTime), (consent.GivenBy, consent.SharedWith, consent.GivenAtUtc));
    }

    [Fact]
    public async Task Review_the_plan_or_refer_appears_once_a_score_has_not_improved_after_the_configured_visits_and_not_before_or_when_it_improved()
    {
        using var site = new BookingSite();
        // A site of its own: it counts the prompts on the whole day sheet.
        // Bea: her neck 6 at each visit; the third, today's booking, is where the rule's 3 visits are reached.
        var bea = await site.SeedVisitsAsync("bea@example.com", "Bea Client",
            new("2026-11-23T11:00Z", ["neck"], ["upper-back"], AtBooking: 6, Before: 6, After: 5),
            new("2026-11-30T11:00Z", ["neck"], ["shoulders-left"], Before: 6, After: 6),
            new("2026-12-07T14:00Z", ["neck"], [], AtBooking: 6, Status: Bookings.BookingStatus.Booked));
        // Ann improved, 7 to 3: no prompt. Cal's intake asks to talk first, on his first visit.
        var ann = await AnnAsync(site);
        var annToday = (await site.SeedVisitsAsync("ann@example.com", "Ann Client",
            new SeededVisit("2026-12-07T15:00Z", ["lower-back"], [], AtBooking: 3, Status: Bookings.BookingStatus.Booked)))[0];
        var cal = (await site.SeedVisitsAsync("cal@example.com", "Cal Client",
            new SeededVisit("2026-12-07T16:00Z", ["knees-left"], [], TalkFirst: true, Status: Bookings.BookingStatus.Booked)))[0];
        var sarah = await site.SignedInTherapistAsync(1);

        var second = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{bea[1]}"));
        var third = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{bea[2]}"));
        var improved = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{annToday}"));
        var talkFirst = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{cal}"));
        var sheet = WebUtility.HtmlDecode(await sarah.GetStringAsync("/admin/diary/list?date=2026-12-07"));

        Assert.DoesNotContain("Review the plan or refer", second);
        Assert.Contains("Review the plan or refer", third);
        Assert.Contains("Neck has not improved over 3 visits (6 to 6).", third);
        Assert.DoesNotContain("Review the plan or refer", improved);
        Assert.Contains("Review the plan or refer", talkFirst);
        Assert.Contains("The health answers ask to talk first.", talkFirst);
        Assert.Equal(2, Regex.Count(sheet, "Review the plan or refer"));
        Assert.Contains("Neck has not improved over 3 visits (6 to 6).", sheet);
        Assert.DoesNotContain("Lower back has not improved", sheet);
        Assert.NotEmpty(ann);
    }

    [Fact]
    public async Task The_number_of_visits_before_a_review_comes_from_Treatment_ReviewAfterVisits()
    {
        using var site = new BookingSite();
        // A site of its own: it changes a setting.
        site.With("Treatment:ReviewAfterVisits", "2");
        var bea = await site.SeedVisitsAsync("bea@example.com", "Bea Client",
            new("2026-11-23T11:00Z", ["neck"], ["upper-back"], Before: 6, After: 6),
            new("2026-11-30T11:00Z", ["neck"], ["upper-back"], Before: 6, After: 6));
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var first = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/bookings/{bea[0]}"));
        var second = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/bookings/{bea[1]}"));

        Assert.DoesNotContain("Review the plan or refer", first);
        Assert.Contains("Neck has not improved over 2 visits (6 to 6).", second);
    }

    [Fact]
    public async Task Visits_kept_before_the_scored_areas_were_written_beside_their_scores_count_for_the_review_as_the_progress_page_counts_them()
    {
        // Shared with the progress page test (Ann, at other hours); Dee's hours are Bea's in two tests with sites of their own.
        var site = shared;
        // Two visits from before the marks (their sealed scores are opened to tell), a marked one in between, and today's.
        var dee = await site.SeedVisitsAsync("dee@example.com", "Dee Client",
            new("2026-11-16T11:00Z", ["neck"], ["upper-back"], AtBooking: 7, Before: 7, After: 6, KeptBeforeMarks: true),
            new("2026-11-23T11:00Z", ["neck"], ["upper-back"], Before: 7, After: 7),
            new("2026-11-30T11:00Z", ["neck", "lower-back"], ["shoulders-left"], Before: 8, KeptBeforeMarks: true),
            new("2026-12-07T14:00Z", ["neck"], [], AtBooking: 7, Status: Bookings.BookingStatus.Booked));
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var today = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/bookings/{dee[3]}"));
        var progress = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{await ClientOfAsync(site, dee[0])}/progress"));

        Assert.Contains("Neck has not improved over 4 visits (7 to 7).", today);
        Assert.Contains("Neck 7 to 7 over 4 visits", progress);
        Assert.DoesNotContain("Lower back has not improved", today);
    }

    [Fact]
    public void A_review_after_no_visits_stops_startup()
    {
        using var site = new BookingSite();
        // A site of its own: it changes a setting, and the start is what fails.
        site.With("Treatment:ReviewAfterVisits", "0");

        var error = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains("Treatment:ReviewAfterVisits must be a number of visits from 1 to 50", error.ToString());
    }

    [GeneratedRegex(@">\s+<")]
    private static partial Regex SpacesBetweenTags();

    private static Regex Spaces() => SpacesBetweenTags();
}
