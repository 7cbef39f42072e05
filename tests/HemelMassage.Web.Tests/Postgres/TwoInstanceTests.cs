using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Postgres;

/// <summary>The guarantees of one machine, kept by two app instances on one PostgreSQL database.</summary>
public sealed class TwoInstanceTests
{
    [PostgresFact]
    public async Task Two_instances_starting_at_once_on_a_new_database_migrate_and_seed_it_once_and_share_one_key()
    {
        using var pair = new TwoInstances<BookingSite>(() => new BookingSite());

        await pair.StartAsync();

        var (therapists, treatments, migrations, keys) = await pair.Second.WithDbAsync(async db => (
            await db.Therapists.Select(t => t.Name).ToListAsync(),
            await db.Treatments.Select(t => t.Slug).ToListAsync(),
            (await db.Database.GetAppliedMigrationsAsync()).Count(),
            await ((PostgresClinicDbContext)db).DataProtectionKeys.CountAsync()));
        Assert.Equal(["James", "Priya", "Sarah"], therapists.Order());
        Assert.NotEmpty(treatments);
        Assert.Equal(treatments.Count, treatments.Distinct().Count());
        Assert.Equal((await pair.First.WithDbAsync(db => Task.FromResult(db.Database.GetMigrations().Count()))), migrations);
        Assert.Equal(1, keys);
        foreach (var site in pair.Both)
        {
            var health = await pair.Client(site).GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    [PostgresFact]
    public async Task Fifty_simultaneous_confirms_of_one_hour_spread_over_two_instances_make_one_booking_and_no_errors()
    {
        using var pair = new TwoInstances<BookingSite>(() => new BookingSite());
        await pair.StartAsync();
        var clients = pair.Both.Select(pair.Client).ToList();
        var keys = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            // One browser (one cookie jar) in front of both instances: it starts each booking on either one.
            keys.Add(await pair.First.PendingAsync(clients[keys.Count % 2], "2026-12-08T10:00Z", email: $"client{keys.Count}@example.com"));
        }
        // The antiforgery token comes from the first instance and is checked by both: one shared key ring.
        var token = Forms.Token(await clients[0].GetStringAsync("/book/review/" + keys[0]));

        var responses = await Task.WhenAll(keys.Select((key, i) => clients[i % 2].PostWithTokenAsync("/book/review/" + key, token)));

        var locations = responses.Select(BookingSite.Location).ToList();
        Assert.Single(locations, l => l.StartsWith("/book/done/", StringComparison.Ordinal));
        Assert.Equal(49, locations.Count(l => l.Contains("problem=taken", StringComparison.Ordinal)));
        Assert.Equal(1, await pair.Second.BookingsAtAsync("2026-12-08T10:00Z"));
    }

    [PostgresFact]
    public async Task Two_running_dispatchers_send_one_hundred_due_emails_exactly_once()
    {
        await using var smtp = new TestSmtpServer();
        using var pair = new TwoInstances<SiteFactory>(() => new SiteFactory()
            .With("Email:Host", "127.0.0.1")
            .With("Email:Port", smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .With("Email:TlsMode", "None")
            .With("Email:ClinicNotificationAddress", "diary@hemelmassage.example")
            .With("Email:PollInterval", "00:00:00.05")
            .With("Email:BatchSize", "5"));
        await pair.StartAsync();

        using (var scope = pair.First.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var notifications = scope.ServiceProvider.GetRequiredService<IBookingNotifications>();
            var start = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.AddDays(3);
            for (var id = 1; id <= 50; id++)
            {
                notifications.Booked(db, Notices.Booking(id: id, email: $"client{id}@example.com", startUtc: start));
            }
            await db.SaveChangesAsync();
        }

        List<OutboxMessage> rows = [];
        for (var wait = 0; wait < 300 && (rows.Count == 0 || rows.Any(r => r.Status != OutboxStatus.Sent)); wait++)
        {
            await Task.Delay(100);
            using var scope = pair.Second.Services.CreateScope();
            rows = await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().OutboxMessages.AsNoTracking().ToListAsync();
        }

        Assert.Equal(100, rows.Count);
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        await Task.Delay(300); // a second send, were there one, would arrive in this time
        Assert.Equal(100, smtp.Messages.Count);
        Assert.Equal(100, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
    }

    [PostgresFact]
    public async Task A_staff_sign_in_made_on_one_instance_is_valid_on_the_other()
    {
        using var pair = new TwoInstances<BookingSite>(() => new BookingSite());
        await pair.StartAsync();
        var user = await pair.First.CreateStaffAsync("Owner");
        var first = pair.Client(pair.First);
        var second = pair.Client(pair.Second);

        var signIn = await first.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var diary = await second.GetAsync("/admin/diary");
        Assert.Equal(HttpStatusCode.OK, diary.StatusCode);
        // And a form rendered by one instance posts to the other (antiforgery keys are shared too).
        var signOut = await second.PostFormAsync("/admin/diary", "/admin/account/sign-out", []);
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await first.GetAsync("/admin/diary")).StatusCode);
    }

    [PostgresFact]
    public async Task A_treatment_added_on_one_instance_appears_on_the_other_once_its_cached_page_expires()
    {
        using var pair = new TwoInstances<SiteFactory>(() => new SiteFactory().With("Site:ContentCacheExpiry", "00:00:01"));
        await pair.StartAsync();
        var visitor = pair.Client(pair.Second);
        Assert.DoesNotContain("Hot stone hour", await visitor.GetStringAsync("/treatments"), StringComparison.Ordinal);
        var owner = await pair.First.CreateStaffAsync("Owner");
        var staff = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = pair.Address(pair.First) };
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SignInAsync(owner.Email!, StaffHelpers.GoodPassword)).StatusCode);

        var saved = await staff.PostFormAsync("/admin/treatments/new", "/admin/treatments/new", new()
        {
            ["Form.Name"] = "Hot stone hour", ["Form.Suits"] = "Anyone who runs cold.", ["Form.Description"] = "Warm stones, whole body.",
            ["Form.Price"] = "62.50", ["Form.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Shown once a therapist gives it (Admin/TreatmentVisibilityTests): Sarah does.
        using (var scope = pair.First.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            (await db.Therapists.Include(t => t.Treatments).SingleAsync(t => t.Id == 1)).Treatments.Add(await db.Treatments.SingleAsync(t => t.Name == "Hot stone hour"));
            await db.SaveChangesAsync();
        }

        // The cached page lives one second; wait for it to expire rather than sleeping a guess.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!(await visitor.GetStringAsync("/treatments")).Contains("Hot stone hour", StringComparison.Ordinal))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "The second instance still showed the old treatments after 30 s.");
            await Task.Delay(100);
        }
    }
}
