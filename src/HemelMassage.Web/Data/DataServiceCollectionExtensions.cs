using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Applies pending migrations, switches SQLite to WAL and seeds a new database.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        // Settings first: a site with a bad setting (an engine it cannot use, a proxy that is not an address)
        // must stop before it touches any database. The host would check them only once it starts serving.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        if (db.Database.IsNpgsql())
        {
            await MigrateSharedAsync(db, scope.ServiceProvider);
        }
        else
        {
            // A restart with nothing to apply skips MigrateAsync (its check of the model against the last
            // migration) and the seed's queries: together a quarter of a second before the first visitor
            // could be served.
            if ((await db.Database.GetPendingMigrationsAsync()).Any())
            {
                await db.Database.MigrateAsync();
                await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            }
            await UseWriteAheadLogAsync(db, app.Logger);
        }
        app.Logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }

    /// <summary>
    /// WAL is kept in the file once set, but a file can come back without it: <c>VACUUM INTO</c> (the backup
    /// command) writes its copy in rollback-journal mode, so a restored database would run without WAL, and
    /// with readers blocking the writer, for good. Setting it on every start costs a millisecond.
    /// </summary>
    private static async Task UseWriteAheadLogAsync(ClinicDbContext db, ILogger logger)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL";
            var mode = await command.ExecuteScalarAsync() as string;
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogWarning("SQLite could not switch the database to WAL mode (it is in {Mode} mode); is the data directory on a network share?", mode);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
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
