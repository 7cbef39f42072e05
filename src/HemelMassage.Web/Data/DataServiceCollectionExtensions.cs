using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var dataDirectory = new DataDirectory(configuration, environment);
        services.AddSingleton(dataDirectory);
        // One key ring for the whole app (staff cookies, antiforgery, set-password links), kept beside the
        // database so sign-ins and links survive a restart and the create-owner command's link works in the site.
        services.AddDataProtection()
            .SetApplicationName("HemelMassage")
            .PersistKeysToFileSystem(new DirectoryInfo(dataDirectory.Combine("keys")));
        // Only SQLite is built so far: a site told to use another engine must not quietly use SQLite instead.
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => string.Equals(o.Provider, "Sqlite", StringComparison.OrdinalIgnoreCase),
                "Database:Provider must be Sqlite; PostgreSQL is not supported yet.")
            .ValidateOnStart();
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();

        var connectionString = SqliteConnectionString(options.ConnectionString, dataDirectory);
        services.AddDbContextPool<ClinicDbContext>(db => db.UseSqlite(connectionString));
        services.AddScoped<DatabaseSeeder>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    private static string SqliteConnectionString(string? configured, DataDirectory dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? $"Data Source={Path.Combine(dataDirectory.Path, "hemel-massage.db")}" : configured)
        {
            // A writer waits this long for another writer before giving up; see NOTES.md on SQLITE_BUSY.
            DefaultTimeout = 10,
            Pooling = true,
        };
        return builder.ToString();
    }

    /// <summary>Applies pending migrations, switches SQLite to WAL and seeds a new database.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        // A restart with nothing to apply skips MigrateAsync (its check of the model against the last migration)
        // and the seed's queries: together a quarter of a second before the first visitor could be served.
        if (!(await db.Database.GetPendingMigrationsAsync()).Any())
        {
            return;
        }
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Persistent: set once in the file, it holds for every later connection and start.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
        app.Logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }
}
