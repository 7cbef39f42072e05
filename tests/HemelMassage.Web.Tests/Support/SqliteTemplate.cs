using HemelMassage.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// One SQLite file per test run with every migration applied and the seed in it, copied into each new SQLite
/// site's data folder before it starts. The site then finds no migration pending and skips migrating and
/// seeding, as on a restart: the copy takes about a millisecond where migrating a fresh file took most of a
/// site's start. The file is made from the migrations in this build, so it is never out of date.
/// </summary>
public static class SqliteTemplate
{
    /// <summary><c>HEMEL_TEST_MIGRATE_EACH_SITE=1</c>: every site migrates a new file (or PostgreSQL database) of its own, as before (to measure the difference).</summary>
    public static bool Off { get; } = System.Environment.GetEnvironmentVariable("HEMEL_TEST_MIGRATE_EACH_SITE") == "1";

    private static readonly Lazy<string> s_file = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    public static void CopyTo(string databaseFile) => File.Copy(s_file.Value, databaseFile);

    private static string Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hemel-tests", "template-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "hemel-massage.db");
        // No pool, so nothing holds the file open while it is copied; the site switches each copy to WAL itself.
        var options = new DbContextOptionsBuilder<ClinicDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString()).Options;
        using (var db = new ClinicDbContext(options))
        {
            db.Database.Migrate();
            new DatabaseSeeder(db).SeedAsync().GetAwaiter().GetResult();
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return file;
    }
}
