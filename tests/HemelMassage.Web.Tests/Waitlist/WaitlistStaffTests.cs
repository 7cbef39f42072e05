using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Waitlist;

/// <summary>
/// The waitlist's staff side: the count on the diary, /admin/waitlist, an hour offered by hand, an entry removed.
/// The site's clock is Monday 7 December 2026, 08:00; each test's entries want days of their own, so no test sees
/// another's in its counts or lists.
/// </summary>
[Trait("Database", "Both")]
public sealed class WaitlistStaffTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_diary_says_how_many_wait_for_the_day_and_links_reception_to_them()
    {
        await AddEntryAsync("Wren Wednesday", "2026-12-16", "2026-12-16");
        await AddEntryAsync("Will Week", "2026-12-15", "2026-12-17", weekdays: [DayOfWeek.Wednesday]);
        await AddEntryAsync("Tess Thursday", "2026-12-15", "2026-12-17", weekdays: [DayOfWeek.Thursday]);
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var grid = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/diary?date=2026-12-16"));
        var list = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/diary/list?date=2026-12-16"));
        var week = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/diary/list/week?date=2026-12-16"));

        Assert.Contains("<a href=\"/admin/waitlist?from=2026-12-16\">2 waiting for Wednesday 16 December</a>", grid, StringComparison.Ordinal);
        Assert.Contains("2 waiting for Wednesday 16 December", list, StringComparison.Ordinal);
        Assert.Contains("2 waiting for Wed 16 Dec", week, StringComparison.Ordinal);
        Assert.Contains("1 waiting for Thu 17 Dec", week, StringComparison.Ordinal);
        Assert.DoesNotContain("waiting for Tue 15 Dec", week, StringComparison.Ordinal);
        var day = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/waitlist?from=2026-12-16"));
        Assert.Contains("Wren Wednesday", day, StringComparison.Ordinal);
        Assert.Contains("Will Week", day, StringComparison.Ordinal);
        Assert.DoesNotContain("Tess Thursday", day, StringComparison.Ordinal);

        var therapist = WebUtility.HtmlDecode(await (await site.SignedInTherapistAsync(1)).GetStringAsync("/admin/diary?date=2026-12-16"));
        Assert.Contains("2 waiting for Wednesday 16 December", therapist, StringComparison.Ordinal);
        Assert.DoesNotContain("/admin/waitlist", therapist, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_who_waits_first_to_join_first_with_their_wishes_in_words_and_filters_by_therapist()
    {
        await AddEntryAsync("Ada First", "2026-12-21", "2026-12-22", therapistId: 1, times: DayParts.Mornings, joined: TimeSpan.FromDays(-2));
        await AddEntryAsync("Bea Second", "2026-12-21", "2026-12-22", joined: TimeSpan.FromDays(-1));
        await AddEntryAsync("Cal James", "2026-12-22", "2026-12-22", therapistId: 2, weekdays: [DayOfWeek.Tuesday]);
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var all = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/waitlist?from=2026-12-21&to=2026-12-22"));
        var james = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/waitlist?from=2026-12-21&to=2026-12-22&therapist=2"));

        Assert.True(all.IndexOf("Ada First", StringComparison.Ordinal) is var ada and >= 0 && ada < all.IndexOf("Bea Second", StringComparison.Ordinal));
        Assert.Contains("with Sarah", all, StringComparison.Ordinal);
        Assert.Contains("Monday 21 December to Tuesday 22 December, mornings", all, StringComparison.Ordinal);
        Assert.Contains("Tuesday 22 December, any time of day, Tuesdays only", all, StringComparison.Ordinal);
        Assert.Contains("3 waiting", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada First", james, StringComparison.Ordinal);
        Assert.Contains("Bea Second", james, StringComparison.Ordinal);
        Assert.Contains("Cal James", james, StringComparison.Ordinal);
        Assert.Contains("is not a date", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/waitlist?from=tomorrow")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_offer_a_free_hour_by_hand_and_the_client_is_emailed_and_the_hour_held()
    {
        var id = await AddEntryAsync("Olive Offer", "2026-12-10", "2026-12-10", therapistId: 1, email: "olive.offer@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var hour = OfferHour.Format(1, BookingSite.Utc("2026-12-10T09:00Z"));
        Assert.Contains($"value=\"{hour}\"", await reception.GetStringAsync($"/admin/waitlist/{id}/offer"), StringComparison.Ordinal);

        var offered = await reception.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{id}/offer", new() { ["Hour"] = hour });

        Assert.Contains("Offered by email: the hour is held for them until Mon 7 Dec, 08:30.", await reception.FollowAsync(offered), StringComparison.Ordinal);
        var offer = await site.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().SingleAsync(o => o.EntryId == id));
        Assert.Equal(OfferState.Offered, offer.State);
        Assert.Equal(BookingSite.Utc("2026-12-10T09:00Z"), offer.StartUtc);
        Assert.True(offer.HeldUntilUtc > BookingSite.Monday.UtcDateTime);
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "olive.offer@example.com" && m.Kind == EmailKind.WaitlistOffer)));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "waitlist.offer" && e.Subject == $"waitlist entry {id}")));
        // Held: it is not listed to offer again, and a stale form offering it again changes nothing.
        Assert.DoesNotContain($"value=\"{hour}\"", await reception.GetStringAsync($"/admin/waitlist/{id}/offer"), StringComparison.Ordinal);
        var again = await reception.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{id}/offer", new() { ["Hour"] = hour });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("offered that hour before", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.WaitlistOffers.CountAsync(o => o.EntryId == id)));
    }

    [Fact]
    public async Task An_hour_taken_meanwhile_or_a_forged_hour_is_refused_in_words_and_nothing_is_offered()
    {
        var id = await AddEntryAsync("Sid Stale", "2026-12-11", "2026-12-11", therapistId: 1, email: "sid.stale@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        await site.AddBookingAsync("2026-12-11T11:00Z", therapistId: 1, email: "took.it@example.com");

        var taken = await reception.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{id}/offer", new() { ["Hour"] = OfferHour.Format(1, BookingSite.Utc("2026-12-11T11:00Z")) });
        var forged = await reception.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{id}/offer", new() { ["Hour"] = "1:next tuesday" });
        var unwanted = await reception.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{id}/offer", new() { ["Hour"] = OfferHour.Format(1, BookingSite.Utc("2026-12-14T09:00Z")) });
        var noEntry = await reception.PostFormAsync("/admin/waitlist", "/admin/waitlist/999999/offer", new() { ["Hour"] = OfferHour.Format(1, BookingSite.Utc("2026-12-11T09:00Z")) });

        Assert.Contains("no longer free", WebUtility.HtmlDecode(await taken.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("Choose one of the free hours listed.", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("not one this client asked for", WebUtility.HtmlDecode(await unwanted.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("no longer on the waitlist", await reception.FollowAsync(noEntry), StringComparison.Ordinal);
        Assert.All([taken, forged, unwanted], r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, await site.WithDbAsync(db => db.WaitlistOffers.CountAsync(o => o.EntryId == id)));
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "sid.stale@example.com")));
    }

    [Fact]
    public async Task Removing_needs_a_reason_is_audited_and_emails_the_client_only_when_staff_tick_it()
    {
        var quiet = await AddEntryAsync("Quinn Quiet", "2026-12-28", "2026-12-29", email: "quinn.quiet@example.com");
        var told = await AddEntryAsync("Tom Told", "2026-12-28", "2026-12-29", email: "tom.told@example.com");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var blank = await owner.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{quiet}/remove", new() { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
        Assert.Contains("Say why the entry comes off the list", await blank.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(WaitlistState.Waiting, await StateAsync(quiet));

        var removed = await owner.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{quiet}/remove", new() { ["Reason"] = "Booked by phone" });
        Assert.Contains("the client is not emailed", await owner.FollowAsync(removed), StringComparison.Ordinal);
        await owner.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{told}/remove", new() { ["Reason"] = "Moved away", ["Tell"] = "true" });

        Assert.Equal(WaitlistState.Removed, await StateAsync(quiet));
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "waitlist.remove" && e.Subject == $"waitlist entry {quiet}" && e.Detail.Contains("Booked by phone"))));
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "quinn.quiet@example.com")));
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "tom.told@example.com" && m.Kind == EmailKind.WaitlistRemoved)));
        Assert.DoesNotContain("Quinn Quiet", await owner.GetStringAsync("/admin/waitlist?from=2026-12-28"), StringComparison.Ordinal);
        // A second press, or a stale page: a clear word, nothing more recorded.
        var twice = await owner.PostFormAsync("/admin/waitlist", $"/admin/waitlist/{quiet}/remove", new() { ["Reason"] = "Booked by phone" });
        Assert.Contains("no longer on the waitlist", await owner.FollowAsync(twice), StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "waitlist.remove" && e.Subject == $"waitlist entry {quiet}")));
    }

    [Fact]
    public async Task Owner_and_reception_open_the_waitlist_and_a_therapist_may_not()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var therapist = await site.SignedInTherapistAsync(1);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/admin/waitlist")).StatusCode);
        Assert.Contains("href=\"/admin/waitlist\">Waitlist</a>", await reception.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await therapist.GetAsync("/admin/waitlist")).StatusCode);
        Assert.DoesNotContain(">Waitlist</a>", await therapist.GetStringAsync("/admin"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await site.CreatePageClient().GetAsync("/admin/waitlist")).StatusCode);
    }

    private Task<WaitlistState> StateAsync(int id) =>
        site.WithDbAsync(db => db.WaitlistEntries.Where(e => e.Id == id).Select(e => e.State).SingleAsync());

    private Task<int> AddEntryAsync(string name, string from, string to, int? therapistId = null, DayParts times = DayParts.None,
        DayOfWeek[]? weekdays = null, string? email = null, TimeSpan? joined = null) =>
        site.WithDbAsync(async db =>
        {
            var last = DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture);
            var entry = new WaitlistEntry
            {
                TreatmentId = 1, TherapistId = therapistId,
                FromDate = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), ToDate = last,
                EndsAtUtc = last.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Times = times,
                Weekdays = (weekdays ?? []).Aggregate(0, (bits, d) => bits | WaitlistEntry.WeekdayBit(d)),
                Name = name, Email = email ?? $"{name.Replace(' ', '.').ToLowerInvariant()}@example.com", Phone = "07700 900456",
                JoinedAtUtc = BookingSite.Monday.UtcDateTime + (joined ?? TimeSpan.Zero), LeaveTokenHash = Secrets.Hash(Secrets.NewToken()),
            };
            db.WaitlistEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
}
