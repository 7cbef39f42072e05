using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HemelMassage.Web.Tests.Booking.WaitlistSite;

namespace HemelMassage.Web.Tests.Postgres;

/// <summary>
/// The waitlist on two app instances sharing one PostgreSQL database, both running the job at the same moments:
/// three freed hours passed along four entries, with two claims of one entry racing on the two instances.
/// </summary>
public sealed class WaitlistTwoInstanceTests
{
    private static readonly string[] s_hours = [SarahsHours.Hour(0), SarahsHours.Hour(1), SarahsHours.Hour(2)];
    private static readonly string[] s_entries = ["one@example.com", "two@example.com", "three@example.com", "four@example.com"];

    [PostgresFact]
    public async Task Both_instances_running_the_job_pass_each_hour_along_the_list_in_joining_order_one_hold_and_one_email_at_a_time()
    {
        using var pair = new TwoInstances<BookingSite>(Create);
        await pair.StartAsync();
        var clients = pair.Both.Select(pair.Client).ToList();
        for (var i = 0; i < s_hours.Length; i++)
        {
            await BookAsync(pair.First, clients[i % 2], s_hours[i], email: $"booked{i}@example.com");
        }
        for (var i = 0; i < s_entries.Length; i++)
        {
            // A minute apart, each on either instance: the joining order is the order of the times, not of the rows.
            Assert.Equal(HttpStatusCode.Redirect, (await JoinAsync(clients[i % 2], s_entries[i])).StatusCode);
            Advance(pair, TimeSpan.FromMinutes(1));
        }

        // The three hours freed at once, on both instances.
        await Task.WhenAll(s_hours.Select((hour, i) => Task.Run(() => CancelAsync(pair.Both[i % 2], hour))));
        await AssertHoldersAsync(pair, "one@example.com", "one@example.com", "one@example.com");

        Assert.Equal(3, await PassOnAsync(pair));
        await AssertHoldersAsync(pair, "two@example.com", "two@example.com", "two@example.com");

        // The second entry claims two of its hours at once, each on the other instance, pressing twice on each:
        // one booking; its other holds pass to the third entry.
        var links = new List<string>();
        foreach (var hour in s_hours[..2])
        {
            links.Add(await OfferLinkAsync(pair.First, hour, "two@example.com"));
        }
        var tokens = await Task.WhenAll(links.Select(link => clients[0].GetStringAsync(link)));
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            clients[i % 2].PostWithTokenAsync(links[i / 2 % 2], Forms.Token(tokens[i / 2 % 2])))));
        Assert.All(claims, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        var booked = await BookedHoursAsync(pair, "two@example.com");
        var claimed = Assert.Single(booked);
        Assert.Contains(claimed, s_hours[..2]);
        Assert.Equal(1, await pair.First.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == EmailKind.Confirmation && m.ToAddress == "two@example.com")));
        await AssertHoldersAsync(pair, [.. s_hours.Select(h => h == claimed ? null : "three@example.com")]);

        Assert.Equal(2, await PassOnAsync(pair));
        await AssertHoldersAsync(pair, [.. s_hours.Select(h => h == claimed ? null : "four@example.com")]);
        Assert.Equal(2, await PassOnAsync(pair));
        await AssertHoldersAsync(pair, null, null, null);
        Assert.Equal(0, await PassOnAsync(pair));

        var offers = await OffersAsync(pair.First);
        foreach (var hour in s_hours)
        {
            var startUtc = BookingSite.Utc(hour);
            var order = offers.Where(o => o.StartUtc == startUtc).OrderBy(o => o.OfferedAtUtc).ThenBy(o => o.Id).Select(o => o.Entry!.Email).ToList();
            // Joining order, each entry once; the second stops where it booked, and is not offered an hour after it booked.
            Assert.Equal(hour == claimed ? s_entries[..2] : s_entries, order);
            Assert.True(await pair.First.BookingsAtAsync(hour) <= 1);
        }
        var emails = await pair.First.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.WaitlistOffer).Select(m => m.ReminderKey).ToListAsync());
        Assert.Equal(offers.Select(o => WaitlistEmails.OfferKey(o.Id)).Order(), emails.Order());
        Assert.Equal(offers.Count(o => o.State == OfferState.Expired),
            await pair.First.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == EmailKind.WaitlistExpired)));
    }

    private static void Advance(TwoInstances<BookingSite> pair, TimeSpan by)
    {
        foreach (var site in pair.Both)
        {
            site.Clock.Advance(by);
        }
    }

    /// <summary>Both clocks past the live holds' end and the claim grace, then two passes of the job on each instance at once.</summary>
    private static async Task<int> PassOnAsync(TwoInstances<BookingSite> pair)
    {
        Advance(pair, TimeSpan.FromMinutes(30) + HoldClock.ClaimGrace);
        var passes = await Task.WhenAll(pair.Both.Concat(pair.Both).Select(site => Task.Run(() => site.Services.GetRequiredService<WaitlistJob>().RunOnceAsync())));
        return passes.Sum();
    }

    /// <summary>Each hour's one live hold is the named entry's (null: no hold).</summary>
    private static async Task AssertHoldersAsync(TwoInstances<BookingSite> pair, params string?[] holders)
    {
        var live = await pair.Second.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().Where(o => o.State == OfferState.Offered)
            .Select(o => new { o.StartUtc, o.Entry!.Email }).ToListAsync());
        for (var i = 0; i < s_hours.Length; i++)
        {
            var startUtc = BookingSite.Utc(s_hours[i]);
            string[] expected = holders[i] is { } email ? [email] : [];
            Assert.Equal(expected, live.Where(o => o.StartUtc == startUtc).Select(o => o.Email));
        }
    }

    private static async Task<string> OfferLinkAsync(BookingSite site, string hour, string email)
    {
        // The entry holds several hours, each with its own email: this hour's is the one keyed by its offer.
        var secrets = site.Services.GetRequiredService<OutboxSecrets>();
        var offerId = await site.WithDbAsync(db =>
        {
            var startUtc = BookingSite.Utc(hour);
            return db.WaitlistOffers.Where(o => o.StartUtc == startUtc && o.State == OfferState.Offered && o.Entry!.Email == email).Select(o => o.Id).SingleAsync();
        });
        var row = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ReminderKey == WaitlistEmails.OfferKey(offerId)));
        return System.Text.RegularExpressions.Regex.Match(secrets.Open(row).TextBody, "/waitlist/offer/[A-Za-z0-9_-]{43}").Value;
    }

    private static Task<List<string>> BookedHoursAsync(TwoInstances<BookingSite> pair, string email) => pair.First.WithDbAsync(async db =>
        (await db.Bookings.AsNoTracking().Where(b => b.Client!.Email == email && b.Status == BookingStatus.Booked).Select(b => b.StartUtc).ToListAsync())
            .Select(start => s_hours.Single(h => BookingSite.Utc(h) == start)).ToList());
}
