using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Security;

public sealed partial class GetEndpointsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Walking_every_get_endpoint_anonymously_and_as_owner_changes_no_row_in_the_database()
    {
        using var site = new BookingSite();
        var anonymous = site.CreatePageClient();
        var manage = await SecuritySteps.BookAsync(anonymous, "2026-12-10T10:00Z");
        var pendingKey = BookingSite.Location(await new BookingJourney(anonymous).ChooseAsync("2026-12-11T10:00Z")).Split('/')[^1];
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["token"] = manage.Split('/')[^1], ["key"] = pendingKey, ["slug"] = "tight-hamstrings-and-lower-back-pain",
            ["tag"] = "back", ["code"] = "404",
        };
        var paths = GetPaths(site.Services, values);
        Assert.True(paths.Count >= 20, $"Only {paths.Count} GET endpoints found");

        await site.StartupWritesDoneAsync();

        var before = await RowCountsAsync(site.DatabaseFile);
        var statuses = new List<string>();
        foreach (var client in new[] { anonymous, owner })
        {
            foreach (var path in paths)
            {
                var response = await client.GetAsync(path);
                Assert.True((int)response.StatusCode < 500, $"GET {path} answered {(int)response.StatusCode}");
                statuses.Add($"{(int)response.StatusCode} {path}");
            }
        }
        var after = await RowCountsAsync(site.DatabaseFile);

        // The one write a GET may make: the two-factor setup page stores the owner's not-yet-enabled
        // authenticator key the first time it is shown, so the QR code stays the same on reload.
        Assert.Equal(before["AspNetUserTokens"] + 1, after["AspNetUserTokens"]);
        Assert.Equal(1L, await ScalarAsync(site.DatabaseFile, "SELECT COUNT(*) FROM AspNetUserTokens WHERE Name = 'AuthenticatorKey'"));
        // And the audit trail of reads: staff reading a client's note or exporting data is recorded (UK GDPR).
        var audited = after["AuditEntries"] - before["AuditEntries"];
        Assert.Equal(audited, await ScalarAsync(site.DatabaseFile, "SELECT COUNT(*) FROM AuditEntries WHERE Action IN ('booking.note-read', 'bookings.export', 'client.export')"));
        before.Remove("AspNetUserTokens");
        after.Remove("AspNetUserTokens");
        before.Remove("AuditEntries");
        after.Remove("AuditEntries");
        Assert.Equal(string.Join("\n", before), string.Join("\n", after));
        output.WriteLine($"{paths.Count} GET endpoints walked twice; row counts of {before.Count + 2} tables unchanged but for the owner's authenticator key and audited reads");
        output.WriteLine(string.Join("\n", statuses));
    }

    private static List<string> GetPaths(IServiceProvider services, Dictionary<string, string> values) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + Parameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => values.GetValueOrDefault(m.Groups[1].Value, "1")))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static async Task<long> ScalarAsync(string databaseFile, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<SortedDictionary<string, long>> RowCountsAsync(string databaseFile)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parameter();
}
