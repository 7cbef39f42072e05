using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// A name search reads the clients' words through their index: the commands the desk's search and the clients
/// list really run for "sarah j", given back to SQLite as EXPLAIN QUERY PLAN over twenty thousand clients,
/// search the words by index and never scan the clients or their words (LIKE '%...%' scanned every client:
/// 27 ms at 50,000). The time at a million bookings is ClientBenchmarks in bench/HemelMassage.Benchmarks.
/// </summary>
[Trait("Database", "SqliteOnly")]
public sealed partial class ClientSearchQueryPlanTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_name_search_seeks_the_words_index_and_never_scans_the_clients()
    {
        var sql = new RequestSqlCounter();
        using var site = new BookingSite();
        sql.AttachTo(site);
        var (reception, _) = await site.SignedInAsAsync("Reception");
        sql.Start(site.Services);
        var commands = new List<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)>();
        foreach (var path in new[] { "/admin/bookings/new/clients?q=sarah+j", "/admin/clients?q=sarah+j" })
        {
            sql.Clear();
            await reception.GetStringAsync(path);
            commands.AddRange(sql.Commands.Where(c => c.Sql.Contains("\"ClientSearchWords\"", StringComparison.Ordinal)));
        }
        Assert.True(commands.Count >= 2, "The searches did not read the clients' words.");

        await InsertClientsAsync(site.DatabaseFile, 20_000);

        foreach (var (text, parameters) in commands)
        {
            var plan = await AvailabilityQueryPlanTests.PlanAsync(site.DatabaseFile, text, parameters);
            output.WriteLine(text + "\n  " + string.Join("\n  ", plan) + "\n");
            Assert.Contains(plan, step => step.StartsWith("SEARCH", StringComparison.Ordinal) && step.Contains("IX_ClientSearchWords_Word_ClientId", StringComparison.Ordinal));
            // A scan of a subquery's own rows (the count of at most 1,001 words) reads nothing more; of a table it would.
            var tables = TableAlias().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
            Assert.DoesNotContain(plan, step => tables.Any(t => step == $"SCAN {t}" || step.StartsWith($"SCAN {t} ", StringComparison.Ordinal)));
        }
    }

    private static async Task InsertClientsAsync(string file, int count)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count})
            INSERT INTO Clients (Name, Email, Phone, PhoneKey, FirstVisit, CreatedAtUtc, NoFollowUp)
            SELECT 'Client ' || i || ' Plan', 'plan' || i || '@example.com', '', '', 0, '2026-01-01 00:00:00', 0 FROM n;
            INSERT INTO ClientSearchWords (ClientId, Word) SELECT Id, 'client' FROM Clients WHERE Email LIKE 'plan%';
            INSERT INTO ClientSearchWords (ClientId, Word) SELECT Id, 'plan' FROM Clients WHERE Email LIKE 'plan%';
            INSERT INTO ClientSearchWords (ClientId, Word) SELECT Id, substr(Email, 1, instr(Email, '@') - 1) FROM Clients WHERE Email LIKE 'plan%';
            """;
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex("\"(?:Clients|ClientSearchWords)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();
}
