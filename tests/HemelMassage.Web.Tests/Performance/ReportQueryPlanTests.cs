using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// What keeps the Owner's month report quick at a million bookings, proven without a stopwatch: every query the
/// report page really runs on the bookings is handed back to the SQLite the site uses as EXPLAIN QUERY PLAN, on a
/// table holding a hundred thousand past bookings of one client (the worst case for "did this client book
/// before?"), with ANALYZE's statistics and without them (the site's own file has none). Each query searches an
/// index and never scans the bookings, and "booked before the period?" is a seek asked once per distinct client,
/// outside the loop over the period's bookings: asked per booking, SQLite 3.53 walked every earlier booking of the
/// client for each one (5 s for the three bookings of one hour at a million), with a plan that still read
/// "SEARCH ... USING INDEX". The time itself is ReportBenchmarks in bench/HemelMassage.Benchmarks.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed partial class ReportQueryPlanTests(ITestOutputHelper output)
{
    private const string PeriodSeek = "StartUtc>? AND StartUtc<?";
    private const string BookedBeforeSeek = "(ClientId=? AND StartUtc<?)";

    [Fact]
    public async Task Every_report_query_searches_an_index_and_asks_booked_before_once_per_client()
    {
        var sql = new RequestSqlCounter();
        using var site = await PastBookings.SiteAsync();
        sql.AttachTo(site);
        var (owner, _) = await site.SignedInAsAsync("Owner");
        sql.Start(site.Services);
        sql.Clear();
        Assert.Contains("Report: November 2026", await owner.GetStringAsync("/admin/reports?month=2026-11"), StringComparison.Ordinal);
        var queries = sql.Commands.Where(c => c.Sql.Contains("\"Appointments\"", StringComparison.Ordinal)).ToList();
        foreach (var statistics in new[] { "with ANALYZE's statistics", "without statistics" })
        {
            if (statistics == "without statistics")
            {
                await ForgetStatisticsAsync(site.DatabaseFile);
            }
            var bookedBeforeAsked = false;
            foreach (var (text, parameters) in queries)
            {
                var plan = await PlanAsync(site.DatabaseFile, text, parameters);
                output.WriteLine($"{statistics}:\n{text}\n{string.Join("\n", plan.Select(s => new string(' ', 2 * Depth(plan, s)) + s.Detail))}\n");
                var bookings = BookingsAlias().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

                Assert.Contains(plan, step => step.Detail.StartsWith("SEARCH", StringComparison.Ordinal) && step.Detail.Contains("INDEX", StringComparison.Ordinal));
                Assert.DoesNotContain(plan, step => ScanStep().Match(step.Detail) is { Success: true } scan && bookings.Contains(scan.Groups[1].Value));
                foreach (var before in plan.Where(step => step.Detail.Contains(BookedBeforeSeek, StringComparison.Ordinal)))
                {
                    bookedBeforeAsked = true;
                    var loops = Ancestors(plan, before).ToHashSet();
                    Assert.DoesNotContain(plan, step => step.Detail.Contains(PeriodSeek, StringComparison.Ordinal) && loops.Contains(step.Parent));
                }
            }
            Assert.True(bookedBeforeAsked, "No report query asks whether a client booked before the period.");
        }
    }

    private sealed record Step(int Id, int Parent, string Detail);

    private static IEnumerable<int> Ancestors(List<Step> plan, Step step)
    {
        for (var parent = step.Parent; ; parent = plan.Single(s => s.Id == parent).Parent)
        {
            yield return parent;
            if (parent == 0)
            {
                yield break;
            }
        }
    }

    private static int Depth(List<Step> plan, Step step) => Ancestors(plan, step).Count() - 1;

    private static async Task<List<Step>> PlanAsync(string file, string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<Step>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(new Step(reader.GetInt32(0), reader.GetInt32(1), reader.GetString(3)));
        }
        return steps;
    }

    private static async Task ForgetStatisticsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sqlite_stat%'";
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var delete = connection.CreateCommand();
            delete.CommandText = $"DELETE FROM \"{table}\"";
            await delete.ExecuteNonQueryAsync();
        }
    }

    [GeneratedRegex("\"Appointments\" AS \"(\\w+)\"")]
    private static partial Regex BookingsAlias();

    [GeneratedRegex("^SCAN (\\w+)")]
    private static partial Regex ScanStep();
}
