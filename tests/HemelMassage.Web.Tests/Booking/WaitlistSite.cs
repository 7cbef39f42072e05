using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>Waitlist steps for tests: join through the page, book and cancel through the one write path, open the emailed links.</summary>
public static partial class WaitlistSite
{
    public const string Hour = "2026-12-08T10:00Z";

    /// <summary>A <see cref="BookingSite"/> whose waitlist job and dispatcher wait for the test to run them.</summary>
    public static BookingSite Create()
    {
        var site = new BookingSite();
        site.With("Waitlist:JobEnabled", "false").With("Email:DispatcherEnabled", "false");
        return site;
    }

    public static Task<HttpResponseMessage> JoinAsync(HttpClient client, string email, string therapist = "1", string from = "2026-12-08", string to = "2026-12-08", string? name = "Wendy Waiting") =>
        client.PostFormAsync("/waitlist/join?treatment=deep-tissue&therapist=" + therapist, "/waitlist/join", new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = therapist, ["From"] = from, ["To"] = to,
            ["Name"] = name ?? "", ["Email"] = email, ["Phone"] = "07700 900123",
        });

    /// <summary>Books Sarah's hour online as someone else, through the real pages.</summary>
    public static async Task BookAsync(BookingSite site, HttpClient client, string start = Hour, string email = "booked@example.com")
    {
        var key = await site.PendingAsync(client, start, email: email);
        Assert.StartsWith("/book/done/", BookingSite.Location(await new BookingJourney(client).ConfirmAsync(key)), StringComparison.Ordinal);
    }

    /// <summary>Cancels the booking at that hour through <see cref="BookingWrites"/>, as the manage page and the diary do.</summary>
    public static async Task CancelAsync(BookingSite site, string start = Hour)
    {
        await using var scope = site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Web.Data.ClinicDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<BookingWrites>();
        var startUtc = BookingSite.Utc(start);
        await writes.RunAsync(async () =>
        {
            var booking = await db.Bookings.Include(b => b.Client).Include(b => b.Treatment).Include(b => b.Therapist).SingleAsync(b => b.StartUtc == startUtc && b.Status == BookingStatus.Booked);
            await writes.CancelAsync(booking, Actor.ClientOnline, "Cancelled online by the client", null, default);
            return true;
        }, _ => Task.FromResult(false), default);
    }

    /// <summary>The link in the newest email of this kind to the address, with its token put back as the dispatcher would.</summary>
    public static async Task<string?> LinkAsync(BookingSite site, EmailKind kind, string email)
    {
        var secrets = site.Services.GetRequiredService<OutboxSecrets>();
        var row = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == kind && m.ToAddress == email).OrderByDescending(m => m.Id).FirstOrDefaultAsync());
        return row is null ? null : Link().Match(secrets.Open(row).TextBody) is { Success: true } m ? m.Value : null;
    }

    public static Task<List<WaitlistOffer>> OffersAsync(BookingSite site) =>
        site.WithDbAsync(db => db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).OrderBy(o => o.Id).ToListAsync());

    public static Task<int> RunJobAsync(BookingSite site) => site.Services.GetRequiredService<WaitlistJob>().RunOnceAsync();

    [GeneratedRegex(@"/waitlist/(offer|leave)/[A-Za-z0-9_-]{43}")]
    private static partial Regex Link();
}
