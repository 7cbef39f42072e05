using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static HemelMassage.Web.Tests.Booking.WaitlistSite;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// A claim posted a second either side of the hold's end, racing the waitlist job: the outcome is the same whichever
/// takes the write lock first. The claim and the job run on two sites over one database, each on its own clock (a
/// second apart), because on one clock the test could not say which moment the claim read.
/// </summary>
[Trait("Database", "Both")]
public sealed class ClaimAtTheHoldsEndTests(ClaimAtTheHoldsEndTests.Sites sites) : IClassFixture<ClaimAtTheHoldsEndTests.Sites>
{
    [Fact]
    public async Task A_claim_posted_a_second_before_the_hold_ends_books_the_hour_however_the_job_runs_and_the_next_entry_is_not_offered_it()
    {
        var (link, token, heldUntil) = await OfferAsync(SarahsHours.Hour(0), "early-first@example.com", "early-second@example.com");
        sites.Claims.Clock.SetUtcNow(heldUntil - TimeSpan.FromSeconds(1));
        sites.Job.Clock.SetUtcNow(heldUntil);

        var claimed = await RaceAsync(link, token);

        Assert.Equal(link + "?outcome=Booked", BookingSite.Location(claimed));
        // And once the job may pass holds on, this hour has none left to pass.
        sites.Job.Clock.SetUtcNow(heldUntil + HoldClock.ClaimGrace);
        await JobAsync();
        Assert.Equal(1, await sites.Claims.BookingsAtAsync(SarahsHours.Hour(0)));
        Assert.Equal(1, await EmailsAsync(EmailKind.Confirmation, "early-first@example.com"));
        Assert.Equal(0, await EmailsAsync(EmailKind.WaitlistOffer, "early-second@example.com"));
        Assert.Equal([OfferState.Claimed], (await OffersAtAsync(SarahsHours.Hour(0))).Select(o => o.State));
    }

    [Fact]
    public async Task A_claim_posted_a_second_after_the_hold_ends_is_told_kindly_keeps_the_entry_and_the_hour_goes_to_the_next()
    {
        var (link, token, heldUntil) = await OfferAsync(SarahsHours.Hour(4), "late-first@example.com", "late-second@example.com");
        sites.Claims.Clock.SetUtcNow(heldUntil + TimeSpan.FromSeconds(1));
        // The job's pass that hands the hour on, at the same moment as the claim.
        sites.Job.Clock.SetUtcNow(heldUntil + HoldClock.ClaimGrace);

        var claimed = await RaceAsync(link, token);

        Assert.Equal(link + "?outcome=HoldEnded", BookingSite.Location(claimed));
        var page = await sites.Client.GetStringAsync(BookingSite.Location(claimed));
        Assert.Contains("the hold on this hour has ended", page, StringComparison.Ordinal);
        Assert.Contains("You are still on the waitlist", page, StringComparison.Ordinal);
        Assert.Equal(0, await sites.Claims.BookingsAtAsync(SarahsHours.Hour(4)));
        Assert.Equal(WaitlistState.Waiting, await sites.Claims.WithDbAsync(db => db.WaitlistEntries.Where(e => e.Email == "late-first@example.com").Select(e => e.State).SingleAsync()));
        var offers = await OffersAtAsync(SarahsHours.Hour(4));
        Assert.Equal([(OfferState.Expired, "late-first@example.com"), (OfferState.Offered, "late-second@example.com")], offers.Select(o => (o.State, o.Entry!.Email)));
        Assert.Equal(1, await EmailsAsync(EmailKind.WaitlistExpired, "late-first@example.com"));
        Assert.Equal(1, await EmailsAsync(EmailKind.WaitlistOffer, "late-second@example.com"));
    }

    /// <summary>The hour booked, two entries for its day, the hour cancelled: the first entry's claim link and its hold's end.</summary>
    private async Task<(string Link, string Token, DateTime HeldUntil)> OfferAsync(string hour, string first, string second)
    {
        // Both clocks on from wherever the other test left them.
        var now = sites.Claims.Clock.GetUtcNow() > sites.Job.Clock.GetUtcNow() ? sites.Claims.Clock.GetUtcNow() : sites.Job.Clock.GetUtcNow();
        sites.Claims.Clock.SetUtcNow(now);
        sites.Job.Clock.SetUtcNow(now);
        var day = hour[..10];
        await BookAsync(sites.Claims, sites.Client, hour, email: "booked-" + first);
        await JoinAsync(sites.Client, first, from: day, to: day);
        await JoinAsync(sites.Client, second, from: day, to: day);
        await CancelAsync(sites.Claims, hour);
        var link = (await LinkAsync(sites.Claims, EmailKind.WaitlistOffer, first))!;
        var offer = Assert.Single(await OffersAtAsync(hour));
        return (link, Forms.Token(await sites.Client.GetStringAsync(link)), offer.HeldUntilUtc);
    }

    /// <summary>The claim and a pass of the job at once; the pass may also end the other test's holds, so only this hour's state is asserted.</summary>
    private async Task<HttpResponseMessage> RaceAsync(string link, string token)
    {
        var claim = sites.Client.PostWithTokenAsync(link, token);
        await Task.WhenAll(claim, JobAsync());
        return await claim;
    }

    private Task<int> JobAsync() => Task.Run(() => sites.Job.Services.GetRequiredService<WaitlistJob>().RunOnceAsync());

    private async Task<List<WaitlistOffer>> OffersAtAsync(string hour)
    {
        var startUtc = BookingSite.Utc(hour);
        return (await OffersAsync(sites.Claims)).Where(o => o.StartUtc == startUtc).ToList();
    }

    private Task<int> EmailsAsync(EmailKind kind, string email) =>
        sites.Claims.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == kind && m.ToAddress == email));

    /// <summary>The clients' site (pages, claims) and a second site on the same database that runs only the waitlist job.</summary>
    public sealed class Sites : IDisposable
    {
        public Sites()
        {
            Claims = Create();
            Client = Claims.CreatePageClient();
            Job = Create();
            if (Claims.UsesPostgres)
            {
                Job.OnPostgres(Claims.EnsurePostgresDatabase());
            }
            else
            {
                // The first site's file, made (copied from the migrated template) when it started above.
                Job.With("Database:ConnectionString", $"Data Source={Claims.DatabaseFile}");
            }
            _ = Job.Services;
        }

        public BookingSite Claims { get; }

        public HttpClient Client { get; }

        public BookingSite Job { get; }

        public void Dispose()
        {
            Job.Dispose();
            Client.Dispose();
            Claims.Dispose();
        }
    }
}
