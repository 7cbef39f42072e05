using System.Net;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace HemelMassage.Web.Tests.Site;

/// <summary>
/// A fresh site for each test: each takes the site's own database away from under it. The healthy answer
/// alone is Site/PublicPagesTests.The_health_check_answers_when_the_database_does.
/// </summary>
public sealed class HealthCheckTests
{
    [Fact]
    [Trait("Database", "SqliteOnly")]
    public async Task When_the_sqlite_file_cannot_be_opened_the_health_check_says_503_and_recovers_when_it_can()
    {
        using var site = new SiteFactory();
        var client = site.CreatePageClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var aside = site.DatabaseFile + ".aside";

        // Closing the pool's connections checkpoints and removes the WAL, so the one file holds the database;
        // a folder in its place is a path SQLite cannot open (a missing file it would create, empty).
        SqliteConnection.ClearAllPools();
        File.Move(site.DatabaseFile, aside);
        Directory.CreateDirectory(site.DatabaseFile);
        var down = await client.GetAsync("/healthz");

        Directory.Delete(site.DatabaseFile);
        File.Move(aside, site.DatabaseFile);
        SqliteConnection.ClearAllPools();
        var up = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", await down.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Equal("Healthy", await up.Content.ReadAsStringAsync());
    }

    [PostgresFact]
    public async Task When_the_postgres_database_refuses_connections_the_health_check_says_503_and_recovers_when_it_accepts_them()
    {
        using var site = new SiteFactory().OnPostgres();
        var client = site.CreatePageClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        var database = new NpgsqlConnectionStringBuilder(site.PostgresConnectionString).Database;

        // As when the server is taken down for maintenance: new connections refused, open ones ended.
        await ServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS false");
        await ServerAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'");
        NpgsqlConnection.ClearAllPools();
        var down = await client.GetAsync("/healthz");

        await ServerAsync($"ALTER DATABASE \"{database}\" ALLOW_CONNECTIONS true");
        var up = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
    }

    private static async Task ServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
