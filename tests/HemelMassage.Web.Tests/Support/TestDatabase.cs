using System.Runtime.CompilerServices;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// The PostgreSQL server the tests may use: <c>HEMEL_TEST_POSTGRES</c> (a connection string to a role that
/// may create databases), else the password login that <c>.ci/services</c> sets up on loopback. Each site
/// gets a fresh database of its own, dropped when the site is disposed.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<string?> Problem = new(FindProblem);

    // 30 s, not 5: the first connection of a run also answers "is PostgreSQL here?" for every test after it, and on
    // a loaded machine opening it took longer than 5 s, so one slow start failed the whole run's PostgreSQL tests.
    // A server that is not there refuses at once, so the longer limit costs nothing when it is down.
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("HEMEL_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Username=postgres;Password=postgres;Timeout=30";

    /// <summary><c>HEMEL_TEST_DATABASE=Postgres</c>: every site of the run uses PostgreSQL instead of SQLite.</summary>
    public static bool AllSitesOnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("HEMEL_TEST_DATABASE"), "Postgres", StringComparison.OrdinalIgnoreCase);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why PostgreSQL cannot be used here, or null when it can.</summary>
    public static string? PostgresProblem => Problem.Value;

    /// <summary>The reason a PostgreSQL test is skipped, or null to run it (always run in CI, where a missing server fails).</summary>
    public static string? PostgresSkipReason => PostgresProblem is { } problem && !IsCi
        ? $"PostgreSQL is not reachable ({problem}); set HEMEL_TEST_POSTGRES or run .ci/services. PostgreSQL tests skipped."
        : null;

    /// <summary>
    /// A fresh database, empty, or with <paramref name="migrated"/> a copy of <see cref="MigratedTemplate"/>: every
    /// migration applied and the seed in it, so the site finds nothing to migrate or seed, as on a restart.
    /// </summary>
    public static string CreatePostgresDatabase(bool migrated = false)
    {
        if (PostgresProblem is { } problem)
        {
            throw new InvalidOperationException($"PostgreSQL is needed for this test but is not reachable: {problem}");
        }
        var name = "hemel_test_" + Guid.NewGuid().ToString("n");
        Execute(migrated ? $"CREATE DATABASE \"{name}\" TEMPLATE \"{MigratedTemplate.Value}\"" : $"CREATE DATABASE \"{name}\"");
        // A site's pool stays well below the server's 100 connections, as a deployment's must (docs/deploy.md),
        // so tests running side by side never meet "too many clients".
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Timeout = 30, MaxPoolSize = 20 }.ToString();
    }

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        // FORCE ends sessions an app instance still holds (PostgreSQL 13 and later).
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>
    /// One database per test run with every migration in this build applied and the seed in it, made on first use
    /// and dropped when the test process exits. PostgreSQL copies it for each new site (CREATE DATABASE ... TEMPLATE)
    /// in a fraction of the time migrating a new database took. Nothing stays connected to it (no pool), as a template
    /// needs; it holds no Data Protection key, so each site still makes its own.
    /// </summary>
    private static readonly Lazy<string> MigratedTemplate = new(() =>
    {
        var name = "hemel_test_template_" + Guid.NewGuid().ToString("n");
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<PostgresClinicDbContext>().UseNpgsql(connectionString).Options;
        using (var db = new PostgresClinicDbContext(options))
        {
            db.Database.Migrate();
            new DatabaseSeeder(db).SeedAsync().GetAwaiter().GetResult();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"); } catch (NpgsqlException) { }
        };
        return name;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? FindProblem()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString());
            connection.Open();
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return e.Message;
        }
    }
}

/// <summary>
/// A test that needs PostgreSQL: skipped when there is none, failed in CI (CI=true). <c>dotnet test</c> at its
/// default verbosity lists a skipped test by name only, so the reason goes into the name it lists.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        (Skip, DisplayName) = SkipWithReason.For(TestDatabase.PostgresSkipReason, test, file);
}

public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        (Skip, DisplayName) = SkipWithReason.For(TestDatabase.PostgresSkipReason, test, file);
}

public static class SkipWithReason
{
    /// <summary>The skip reason and, when skipping, a display name that carries it (null keeps xunit's own name).</summary>
    public static (string? Skip, string? DisplayName) For(string? reason, string test, string file) =>
        reason is null ? (null, null) : (reason, $"{Path.GetFileNameWithoutExtension(file)}.{test} (skipped: {reason})");
}
