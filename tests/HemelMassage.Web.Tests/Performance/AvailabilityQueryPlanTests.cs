using System.Globalization;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// What keeps the times page flat as the bookings table grows, proven without a stopwatch: the bookings query
/// an availability page really runs, handed back to SQLite as EXPLAIN QUERY PLAN on a table holding a hundred
/// thousand past bookings (with ANALYZE's statistics, as a planner in production has), must search an index on
/// the start time and never scan the bookings, and it returns the same rows as on an empty table: the window's,
/// whatever the history. One SQL command per request is proven in <see cref="OneQueryTests"/>; the time itself,
/// from a thousand to a million bookings, is measured by bench/HemelMassage.Benchmarks (AvailabilityBenchmarks).
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed class AvailabilityQueryPlanTests
{
    [Fact]
    public async Task The_availability_query_searches_an_index_and_never_scans_the_bookings()
    {
        var sql = new RequestSqlCounter();
        using var site = await PastBookings.SiteAsync();
        sql.AttachTo(site);
        var client = site.CreatePageClient();
        sql.Start(site.Services);
        await site.AddBookingAsync("2026-12-09T10:00Z");
        foreach (var therapist in new[] { "any", "1" })
        {
            await client.GetStringAsync($"/book/times?treatment=deep-tissue&therapist={therapist}");
            sql.Clear();
            await client.GetStringAsync($"/book/times?treatment=deep-tissue&therapist={therapist}&date=2026-12-09");
            var (text, parameters) = Assert.Single(sql.Commands);
            Assert.Contains("\"Appointments\"", text, StringComparison.Ordinal);

            var plan = await PlanAsync(site.DatabaseFile, text, parameters);
            Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("USING", StringComparison.Ordinal) && step.Contains("INDEX", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
            // The window's one booking, as on an empty table: none of the history.
            Assert.Equal(1, await RowsAsync(site.DatabaseFile, text, parameters));
        }
        Assert.Equal(PastBookings.Count + 1, await site.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    private static async Task<SqliteCommand> CommandAsync(SqliteConnection connection, string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await connection.OpenAsync();
        var command = connection.CreateCommand();
        command.CommandText = text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    internal static async Task<List<string>> PlanAsync(string file, string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await using var command = await CommandAsync(connection, text, parameters);
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }

    private static async Task<int> RowsAsync(string file, string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await using var command = await CommandAsync(connection, text, parameters);
        var rows = 0;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows++;
        }
        return rows;
    }

    /// <summary>Past hours, one after another, for the three therapists: a clinic's years of history; then ANALYZE.</summary>
    internal static async Task InsertHistoryAsync(string databaseFile, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False");
        await connection.OpenAsync();
        await using (var transaction = connection.BeginTransaction())
        {
            await using (var client = connection.CreateCommand())
            {
                client.CommandText = "INSERT OR IGNORE INTO Clients (Id, Name, Email, Phone, FirstVisit, CreatedAtUtc) VALUES (1000000, 'History', 'history@example.com', '07700900123', 0, '2020-01-01 00:00:00')";
                await client.ExecuteNonQueryAsync();
            }
            // One statement over a counter, not 100,000 commands: the overlap triggers still check every row.
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < $count),
                hours(i, s) AS (SELECT i, datetime($origin, '-' || (i / 3 + 1) || ' hours') FROM n)
                INSERT INTO Appointments (Reference, TherapistId, TreatmentId, ClientId, StartUtc, EndUtc, Status, FirstVisit, IdempotencyKey, ManageTokenHash, CalendarUid, CalendarSequence, CreatedAtUtc, UpdatedAtUtc, Version)
                SELECT 'H' || i, i % 3 + 1, 1, 1000000, s, datetime(s, '+1 hours'), 3, 0, 'H' || i, 'H' || i, 'H' || i, 0, s, s, 0 FROM hours
                """;
            insert.Parameters.AddWithValue("$count", count);
            insert.Parameters.AddWithValue("$origin", BookingSite.Monday.UtcDateTime.Date.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        await using var analyze = connection.CreateCommand();
        analyze.CommandText = "ANALYZE";
        await analyze.ExecuteNonQueryAsync();
    }
}
