using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// The diary grids read the bookings (and their intakes) through indexes: the commands a day grid and a week
/// grid really run, given back to SQLite as EXPLAIN QUERY PLAN over a hundred thousand past bookings, search
/// those tables by index and never scan them. Their time at a million bookings is DiaryGridBenchmarks.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed partial class DiaryGridQueryPlanTests
{
    [Fact]
    public async Task The_day_and_week_grids_search_the_bookings_by_index_and_never_scan_them()
    {
        var sql = new RequestSqlCounter();
        using var site = await PastBookings.SiteAsync();
        sql.AttachTo(site);
        var id = await site.AddBookingAsync("2026-12-09T10:00Z");
        await site.WithDbAsync(db =>
        {
            db.Intakes.Add(new Web.Intake.BookingIntake { BookingId = id, NeedsConversation = true });
            return db.SaveChangesAsync();
        });
        var (owner, _) = await site.SignedInAsAsync("Owner");
        sql.Start(site.Services);
        var commands = new List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)>();
        foreach (var path in new[] { "/admin/diary?date=2026-12-09", "/admin/diary/week?therapist=1&date=2026-12-09" })
        {
            sql.Clear();
            Assert.Contains("Talk first", await owner.GetStringAsync(path));
            commands.AddRange(sql.Commands.Where(c => Alias().IsMatch(c.Sql)));
        }
        Assert.Equal(4, commands.Count);

        foreach (var (text, parameters) in commands)
        {
            var plan = await AvailabilityQueryPlanTests.PlanAsync(site.DatabaseFile, text, parameters);
            var alias = Alias().Match(text).Groups[2].Value;
            Assert.Contains(plan, step => step.StartsWith($"SEARCH {alias} USING", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith($"SCAN {alias}", StringComparison.Ordinal));
        }
    }

    [GeneratedRegex("FROM \"(Appointments|Intakes)\" AS \"(\\w+)\"")]
    private static partial Regex Alias();
}
