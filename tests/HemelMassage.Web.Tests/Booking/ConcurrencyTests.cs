using HemelMassage.Web.Tests.Support;
using System.Diagnostics;
using System.Net;
using HemelMassage.Web.Bookings;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Booking;

[Trait("Database", "Both")]
public sealed class ConcurrencyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Fifty_simultaneous_confirms_for_one_hour_make_one_booking_and_forty_nine_kind_refusals()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var keys = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            keys.Add(await site.PendingAsync(client, "2026-12-08T10:00Z", email: $"client{i}@example.com"));
        }
        var token = Forms.Token(await client.GetStringAsync("/book/review/" + keys[0]));

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(keys.Select(key => client.PostWithTokenAsync("/book/review/" + key, token)));
        clock.Stop();

        var locations = responses.Select(BookingSite.Location).ToList();
        Assert.Single(locations, l => l.StartsWith("/book/done/", StringComparison.Ordinal));
        Assert.Equal(49, locations.Count(l => l.Contains("problem=taken", StringComparison.Ordinal)));
        var refusal = await client.GetStringAsync(locations.First(l => l.Contains("problem=taken", StringComparison.Ordinal)));
        Assert.Contains("Sorry, that time has just been taken", refusal, StringComparison.Ordinal);
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-08T10:00Z"));
        output.WriteLine($"50 concurrent confirms for one hour: 1 booking, 49 refusals, 0 errors in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Sixteen_simultaneous_confirms_on_each_of_twenty_hours_make_exactly_twenty_bookings()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        string[] days = ["08", "09", "10", "11", "14"];
        string[] hours = ["09:00", "11:00", "14:00", "16:00"];
        var starts = days.SelectMany(d => hours.Select(h => $"2026-12-{d}T{h}Z")).ToList();
        var keys = new List<string>();
        foreach (var start in starts)
        {
            for (var i = 0; i < 16; i++)
            {
                keys.Add(await site.PendingAsync(client, start, email: $"c{keys.Count}@example.com"));
            }
        }
        var token = Forms.Token(await client.GetStringAsync("/book/review/" + keys[0]));

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(keys.Select(key => client.PostWithTokenAsync("/book/review/" + key, token)));
        clock.Stop();

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(20, responses.Count(r => BookingSite.Location(r).StartsWith("/book/done/", StringComparison.Ordinal)));
        var perHour = await site.WithDbAsync(db => db.Bookings.GroupBy(a => a.StartUtc).Select(g => g.Count()).ToListAsync());
        Assert.Equal(20, perHour.Count);
        Assert.All(perHour, count => Assert.Equal(1, count));
        output.WriteLine($"320 concurrent confirms on 20 hours: 20 bookings, 300 refusals, 0 errors in {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Confirming_twice_one_after_the_other_or_at_once_makes_one_booking_and_the_same_confirmation()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var key = await journey.UpToReviewAsync("2026-12-08T10:00Z");
        var token = Forms.Token(await client.GetStringAsync("/book/review/" + key));
        Task<HttpResponseMessage> Post() => client.PostWithTokenAsync("/book/review/" + key, token);

        var together = await Task.WhenAll(Post(), Post(), Post());
        var again = await Post();

        Assert.All(together.Append(again), r => Assert.Equal("/book/done/" + key, BookingSite.Location(r)));
        Assert.Equal(1, await site.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-08T10:00Z"));
    }

    [Fact]
    [Trait("Database", "SqliteOnly")] // raw SQLite SQL; Postgres/ExclusionConstraintTests proves the same on PostgreSQL
    public async Task The_database_itself_refuses_an_overlapping_or_shorter_booking()
    {
        using var site = new BookingSite();
        var key = await site.PendingAsync(site.CreatePageClient(), "2026-12-08T10:00Z");
        await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Clients (Name, Email, Phone, FirstVisit, CreatedAtUtc) VALUES ('A', 'a@example.com', '07700900123', 1, '2026-12-01 00:00:00')"));
        string Insert(string start, string end, string reference) =>
            $"INSERT INTO Appointments (Reference, TherapistId, TreatmentId, ClientId, StartUtc, EndUtc, Status, FirstVisit, IdempotencyKey, ManageTokenHash, CalendarUid, CalendarSequence, CreatedAtUtc, UpdatedAtUtc, Version) " +
            $"VALUES ('{reference}', 1, 1, 1, '{start}', '{end}', 1, 1, '{reference}', '{reference}', '{Guid.NewGuid()}', 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00', 0)";

        await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert("2026-12-08 10:00:00", "2026-12-08 11:00:00", "HM-AAAAAA")));

        await Assert.ThrowsAnyAsync<Exception>(() => site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert("2026-12-08 10:30:00", "2026-12-08 11:30:00", "HM-BBBBBB"))));
        await Assert.ThrowsAnyAsync<Exception>(() => site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert("2026-12-08 12:00:00", "2026-12-08 12:30:00", "HM-CCCCCC"))));
        Assert.Equal(1, await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert("2026-12-08 11:00:00", "2026-12-08 12:00:00", "HM-DDDDDD"))));
        Assert.NotNull(key);
    }
}
