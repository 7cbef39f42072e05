using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = new DataDirectory(configuration, environment);
        services.AddSingleton(dataDirectory);
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.IsSqlite || o.IsPostgres, "Database:Provider must be Sqlite or Postgres.")
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres (Host=...;Database=...;Username=...;Password=...).")
            .ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        // One key ring for the whole app (staff cookies, antiforgery, set-password links). On SQLite it sits
        // beside the database file; on PostgreSQL it is in the database, shared by every app instance.
        var dataProtection = services.AddDataProtection().SetApplicationName("HemelMassage");
        if (options.IsPostgres && !string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            services.AddDbContextPool<ClinicDbContext, PostgresClinicDbContext>(db => db.UseNpgsql(options.ConnectionString));
            services.AddScoped(sp => (PostgresClinicDbContext)sp.GetRequiredService<ClinicDbContext>());
            dataProtection.PersistKeysToDbContext<PostgresClinicDbContext>();
        }
        else
        {
            var connectionString = SqliteConnectionString(options.ConnectionString, dataDirectory);
            services.AddDbContextPool<ClinicDbContext>(db => db.UseSqlite(connectionString));
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.Combine("keys")));
        }
        services.AddScoped<DatabaseSeeder>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string SqliteConnectionString(string? configured, DataDirectory dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(dataDirectory.Path, "hemel-massage.db")}" : configured)
        {
            // A writer waits this long (seconds) for another writer's lock before giving up with SQLITE_BUSY.
            // Transactions start BEGIN IMMEDIATE, so they queue here instead of failing later with
            // SQLITE_BUSY_SNAPSHOT (517) after waiting out the whole timeout, which looks like a hang.
            DefaultTimeout = 10,
            Pooling = true,
        };
        return builder.ToString();
    }

    /// <summary>Applies pending migrations (then gives search words to clients who have none), switches SQLite to WAL and seeds a new database.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        // Settings first: a site with a bad setting (an engine it cannot use, a proxy that is not an address)
        // must stop before it touches any database. The host would check them only once it starts serving.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.IsPostgres)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await MigrateSharedAsync(scope.ServiceProvider.GetRequiredService<ClinicDbContext>(), scope.ServiceProvider);
        }
        else
        {
            // A restart asks SQLite itself whether a migration is pending, and builds EF's model (every entity,
            // Identity's too: a third of the time to the first article, measured) on another thread while the host,
            // the articles and Kestrel start. A restart with nothing to apply also skips MigrateAsync's check of
            // the model against the last migration and the seed's queries.
            var connectionString = RelationalOptionsExtension.Extract(app.Services.GetRequiredService<DbContextOptions<ClinicDbContext>>()).ConnectionString;
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            if (!await HasPendingMigrationsAsync(connection))
            {
                _ = Task.Run(() => BuildModel(app));
            }
            else
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
                await db.Database.MigrateAsync();
                await Clients.ClientSearchIndex.FillMissingAsync(db);
                await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            }
            await UseWriteAheadLogAsync(connection, app.Logger);
        }
        app.Logger.LogInformation("Database ready");
    }

    private static void BuildModel(WebApplication app)
    {
        try
        {
            using var scope = app.Services.CreateScope();
            _ = scope.ServiceProvider.GetRequiredService<ClinicDbContext>().Model;
        }
        catch (ObjectDisposedException)
        {
            // The app stopped first (a command such as backup, or a test's short-lived site).
        }
        catch (Exception e)
        {
            app.Logger.LogWarning(e, "Building the database model ahead of the first page failed; that page will build it");
        }
    }

    /// <summary>What EF's pending-migration check answers (a migration in this build that the history table lacks), without EF.</summary>
    private static async Task<bool> HasPendingMigrationsAsync(SqliteConnection connection)
    {
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
        {
            return true;
        }
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var history = connection.CreateCommand();
        history.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\"";
        await using (var reader = await history.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                applied.Add(reader.GetString(0));
            }
        }
        return SqliteMigrationIds.Value.Any(id => !applied.Contains(id));
    }

    private static readonly Lazy<string[]> SqliteMigrationIds = new(() => typeof(ClinicDbContext).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(ClinicDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .ToArray());

    /// <summary>
    /// WAL is kept in the file once set, but a file can come back without it: <c>VACUUM INTO</c> (the backup
    /// command) writes its copy in rollback-journal mode, so a restored database would run without WAL, and
    /// with readers blocking the writer, for good. Setting it on every start costs a millisecond.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(SqliteConnection connection, ILogger logger)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL";
        var mode = await command.ExecuteScalarAsync() as string;
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("SQLite could not switch the database to WAL mode (it is in {Mode} mode); is the data directory on a network share?", mode);
        }
    }

    /// <summary>
    /// Several instances may start at once against one new database. EF Core's own migration lock (a
    /// table lock inside each migration's transaction) keeps the schema safe, but seeding checks "is it
    /// empty?" then inserts, so migrating and seeding run under one session-level advisory lock: the
    /// second instance waits, then finds nothing to do. The first also makes the Data Protection key
    /// under the lock, so instances starting together share one key instead of each minting its own.
    /// </summary>
    private static async Task MigrateSharedAsync(ClinicDbContext db, IServiceProvider services)
    {
        const long lockKey = 0x48454D454C; // "HEMEL"
        await db.Database.OpenConnectionAsync();
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})");
            try
            {
                await db.Database.MigrateAsync();
                await Clients.ClientSearchIndex.FillMissingAsync(db);
                await services.GetRequiredService<DatabaseSeeder>().SeedAsync();
                services.GetRequiredService<IDataProtectionProvider>().CreateProtector("HemelMassage.Startup").Protect([1]);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
