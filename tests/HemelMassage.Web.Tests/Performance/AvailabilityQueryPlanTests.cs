using HemelMassage.Web.Tests.Booking;
using Microsoft.Data.Sqlite;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// The bookings query an availability page really runs, handed back to SQLite as EXPLAIN QUERY PLAN:
/// it must search an index on the start time, never scan the appointments table (flat at a million rows).
/// One SQL command per request is proven in <see cref="OneQueryTests"/>.
/// </summary>
public sealed class AvailabilityQueryPlanTests
{
    [Theory]
    [InlineData("any")]
    [InlineData("1")]
    public async Task The_availability_query_searches_an_index_and_never_scans_the_appointments(string therapist)
    {
        var sql = new RequestSqlCounter();
        using var site = new BookingSite();
        sql.AttachTo(site);
        var client = site.CreatePageClient();
        sql.Start(site.Services);
        await client.GetStringAsync($"/book/times?treatment=deep-tissue&therapist={therapist}");
        sql.Clear();

        await client.GetStringAsync($"/book/times?treatment=deep-tissue&therapist={therapist}&date=2026-12-09");

        var (text, parameters) = Assert.Single(sql.Commands);
        Assert.Contains("\"Appointments\"", text, StringComparison.Ordinal);
        var plan = await PlanAsync(site.DatabaseFile, text, parameters);
        Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("USING", StringComparison.Ordinal) && step.Contains("INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
    }

    private static async Task<List<string>> PlanAsync(string file, string text, IReadOnlyList<(string Name, object? Value)> parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + text;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }
        return steps;
    }
}
