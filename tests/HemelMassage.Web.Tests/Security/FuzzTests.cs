using HemelMassage.Web.Tests.Support;
using System.Diagnostics;
using HemelMassage.Web.Tests.Booking;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Security;

public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Posts = 5_000;

    [Fact]
    public async Task Five_thousand_hostile_posts_cause_no_server_error_and_store_nothing()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var manage = await SecuritySteps.BookAsync(client, "2026-12-10T10:00Z");
        var pendingKey = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-11T10:00Z")).Split('/')[^1];
        // A real token (the times page carries none: it is shared and checks the origin instead), so most posts
        // get past antiforgery and reach model binding and validation.
        var token = Forms.Token(await client.GetStringAsync("/book/details/" + pendingKey));
        Assert.NotEmpty(token);
        var targets = new (string Path, string[] Fields)[]
        {
            ("/book/times", ["Treatment", "Therapist", "Start", "Pending"]),
            ("/book/details/" + pendingKey, ["Name", "Email", "Phone", "Visit", "Note", "AcceptPolicy", "Website"]),
            ("/book/details/not-a-key", ["Name", "Email", "Phone", "Visit", "Note", "AcceptPolicy"]),
            ("/book/review/" + pendingKey, ["Id", "Status"]),
            (manage + "/reschedule", ["Start"]),
            ("/booking/" + new string('A', 43) + "/cancel", []),
            ("/booking/%27%22%3Cscript%3E/cancel", []),
            ("/admin/account/sign-in", ["Email", "Password", "ReturnUrl"]),
            ("/admin/account/sign-in/two-factor", ["Code", "ReturnUrl"]),
        };
        await site.StartupWritesDoneAsync();
        var before = await GetEndpointsTests.RowCountsAsync(site.DatabaseFile);
        var fuzz = new FuzzInput(seed: 20261128);
        var statuses = new SortedDictionary<int, int>();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Posts; i++)
        {
            var (path, fields) = fuzz.Pick(targets);
            var body = fuzz.FormBody(fields, fuzz.Next(8) == 0 ? null : token);
            using var response = await client.PostAsync(path, fuzz.Content(body));
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            Assert.True(status < 500, $"Post {i} to {path} answered {status}; body: {body[..Math.Min(body.Length, 500)]}");
        }
        clock.Stop();

        var after = await GetEndpointsTests.RowCountsAsync(site.DatabaseFile);
        Assert.Equal(string.Join("\n", before), string.Join("\n", after));
        var pending = await site.WithDbAsync(db => db.PendingBookings.AsNoTracking().SingleAsync(p => p.Key == pendingKey));
        Assert.Null(pending.Name);
        var booking = await site.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync());
        Assert.Equal((HemelMassage.Web.Bookings.BookingStatus.Booked, new DateTime(2026, 12, 10, 10, 0, 0)), (booking.Status, booking.StartUtc));
        output.WriteLine($"{Posts} hostile posts in {clock.Elapsed.TotalSeconds:F1} s, statuses {string.Join(", ", statuses.Select(s => $"{s.Key}x{s.Value}"))}, 0 server errors, row counts unchanged");
    }
}
