using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>Records how long the times page takes as the bookings table grows; the index keeps it flat.</summary>
[Trait("Database", "SqliteOnly")]
public sealed class AvailabilityTimingTests(ITestOutputHelper output)
{
    private const string Page = "/book/times?treatment=deep-tissue&therapist=any";

    [Fact]
    public async Task The_times_page_stays_fast_from_a_thousand_to_a_hundred_thousand_bookings()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        await client.GetStringAsync(Page);

        await InsertHistoryAsync(site.DatabaseFile, 0, 1_000);
        var small = await TimeAsync(client);
        await InsertHistoryAsync(site.DatabaseFile, 1_000, 100_000);
        var large = await TimeAsync(client);

        output.WriteLine($"Times page (60-day window, all therapists): {small:0.00} ms with 1,000 bookings, {large:0.00} ms with 100,000");
        Assert.True(large < small * 5 + 20, $"{small:0.00} ms at 1k but {large:0.00} ms at 100k");
    }

    private static async Task<double> TimeAsync(HttpClient client)
    {
        await client.GetStringAsync(Page);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            await client.GetStringAsync(Page);
        }
        return clock.Elapsed.TotalMilliseconds / 20;
    }

    /// <summary>Past hours, one after another, for the three therapists: a clinic's years of history.</summary>
    private static async Task InsertHistoryAsync(string databaseFile, int from, int to)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile}");
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        await using (var client = connection.CreateCommand())
        {
            client.CommandText = "INSERT OR IGNORE INTO Clients (Id, Name, Email, Phone, FirstVisit, CreatedAtUtc) VALUES (1, 'History', 'history@example.com', '07700900123', 0, '2020-01-01 00:00:00')";
            await client.ExecuteNonQueryAsync();
        }
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Appointments (Reference, TherapistId, TreatmentId, ClientId, StartUtc, EndUtc, Status, FirstVisit, IdempotencyKey, ManageTokenHash, CalendarUid, CalendarSequence, CreatedAtUtc, UpdatedAtUtc, Version) " +
            "VALUES ($r, $t, 1, 1, $s, $e, 3, 0, $r, $r, $r, 0, $s, $s, 0)";
        var reference = insert.Parameters.Add("$r", SqliteType.Text);
        var therapist = insert.Parameters.Add("$t", SqliteType.Integer);
        var start = insert.Parameters.Add("$s", SqliteType.Text);
        var end = insert.Parameters.Add("$e", SqliteType.Text);
        var origin = new DateTime(2026, 12, 1, 0, 0, 0);
        for (var i = from; i < to; i++)
        {
            var startUtc = origin.AddHours(-(i / 3) - 1);
            reference.Value = "H" + i.ToString(CultureInfo.InvariantCulture);
            therapist.Value = i % 3 + 1;
            start.Value = startUtc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            end.Value = startUtc.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
