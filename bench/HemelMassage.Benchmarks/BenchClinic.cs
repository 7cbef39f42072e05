using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HemelMassage.Benchmarks;

/// <summary>
/// The site's data and booking services (no web server) over a SQLite file holding a given number of
/// bookings. Files are generated once and kept under bench/out/db, as a million rows take a while.
/// </summary>
public sealed class BenchClinic : IDisposable
{
    /// <summary>Monday 7 December 2026, 08:00 UTC, as in the booking tests.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    /// <summary>Bookings inside the 60-day window, the same in every file, so only the table's size varies.</summary>
    public const int InWindow = 360;

    private readonly IHost _host;

    private BenchClinic(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <summary>A folder under bench/out (ignored by git).</summary>
    public static string Out(string name) => Path.Combine(RepositoryRoot(), "bench", "out", name);

    public static string Folder(string name) => Path.Combine(Out("db"), name);

    /// <summary>A clinic whose file holds <paramref name="bookings"/> bookings, generating it on first use.</summary>
    public static BenchClinic WithBookings(int bookings)
    {
        var folder = Folder($"bookings-{bookings}");
        var ready = Path.Combine(folder, "ready");
        if (!File.Exists(ready))
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            using var created = Open(folder, fresh: true);
            Fill(created, bookings);
            File.WriteAllText(ready, bookings.ToString(CultureInfo.InvariantCulture));
        }
        return Open(folder, fresh: false);
    }

    /// <summary>A throw-away copy of the file with <paramref name="bookings"/> bookings, for benchmarks that write.</summary>
    public static BenchClinic CopyWithBookings(int bookings)
    {
        WithBookings(bookings).Dispose();
        var folder = Folder($"writes-{bookings}");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(Folder($"bookings-{bookings}"), "hemel-massage.db"), Path.Combine(folder, "hemel-massage.db"));
        return Open(folder, fresh: false);
    }

    /// <summary>
    /// The <paramref name="bookings"/> file with its bookings shared among <paramref name="clients"/> clients
    /// (client 2 onwards; each with a name, an email and a phone in its own spacing), for the client pages.
    /// </summary>
    public static BenchClinic WithClients(int bookings, int clients)
    {
        var folder = Folder($"clients-{bookings}-{clients}");
        var ready = Path.Combine(folder, "ready");
        if (!File.Exists(ready))
        {
            WithBookings(bookings).Dispose();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
            Directory.CreateDirectory(folder);
            File.Copy(Path.Combine(Folder($"bookings-{bookings}"), "hemel-massage.db"), Path.Combine(folder, "hemel-massage.db"));
            using (var copy = Open(folder, fresh: false))
            {
                WithoutTriggers(copy, run =>
                {
                    run($"""
                        WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {clients - 1})
                        INSERT INTO Clients (Name, Email, Phone, PhoneKey, FirstVisit, CreatedAtUtc, NoFollowUp)
                        SELECT 'Client ' || i || ' Bench', 'client' || i || '@example.com', '07700 ' || printf('%06d', i), '07700' || printf('%06d', i), 0, '2026-01-01 00:00:00', 0 FROM n
                        """);
                    run($"UPDATE Appointments SET ClientId = 2 + (Id % {clients}), Reference = 'HM-' || printf('%06d', Id)");
                });
            }
            File.WriteAllText(ready, clients.ToString(CultureInfo.InvariantCulture));
        }
        var clinic = Open(folder, fresh: false);
        // The raw inserts above bypass SaveChanges, which keeps the search words; so does a file cached before them.
        using (var scope = clinic.Services.CreateScope())
        {
            ClientSearchIndex.FillMissingAsync(scope.ServiceProvider.GetRequiredService<ClinicDbContext>()).GetAwaiter().GetResult();
        }
        return clinic;
    }

    /// <summary>An empty, migrated and seeded clinic in a fresh folder.</summary>
    public static BenchClinic Empty(string name)
    {
        var folder = Folder(name);
        if (Directory.Exists(folder))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
        return Open(folder, fresh: true);
    }

    private static BenchClinic Open(string folder, bool fresh)
    {
        Directory.CreateDirectory(folder);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["DataDirectory"] = folder });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddData(builder.Configuration, builder.Environment);
        builder.Services.AddBookings();
        builder.Services.AddSingleton<TimeProvider>(new FixedClock(Now));
        var clinic = new BenchClinic(builder.Build());
        using var scope = clinic.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        // Always: a cached file from an older build gets the migrations it lacks, as the site's file would.
        db.Database.Migrate();
        if (fresh)
        {
            db.Database.ExecuteSqlRaw("PRAGMA journal_mode=WAL;");
            scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync().GetAwaiter().GetResult();
        }
        return clinic;
    }

    /// <summary>
    /// Raw SQL in one transaction. The overlap triggers are set aside meanwhile (their check walks a
    /// therapist's earlier bookings, which makes a million single inserts quadratic) and put back after;
    /// the rows are non-overlapping by construction.
    /// </summary>
    private static void Fill(BenchClinic clinic, int bookings) => WithoutTriggers(clinic, Run => FillRows(Run, bookings));

    private static void WithoutTriggers(BenchClinic clinic, Action<Action<string>> work)
    {
        using var scope = clinic.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var triggers = new List<(string Name, string Sql)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Appointments'";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                triggers.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        void Run(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }
        foreach (var (name, _) in triggers)
        {
            Run($"DROP TRIGGER \"{name}\"");
        }
        work(Run);
        foreach (var (_, sql) in triggers)
        {
            Run(sql);
        }
        transaction.Commit();
    }

    private static void FillRows(Action<string> Run, int bookings)
    {
        Run("INSERT INTO Clients (Name, Email, Phone, FirstVisit, CreatedAtUtc) VALUES ('Bench Client', 'bench@example.com', '07700 900000', 0, '2026-01-01 00:00:00')");
        const string columns = "Reference, TherapistId, TreatmentId, ClientId, StartUtc, EndUtc, Status, FirstVisit, IdempotencyKey, ManageTokenHash, CalendarUid, CalendarSequence, CreatedAtUtc, UpdatedAtUtc, Version";
        // Inside the window: 10:00 and 14:00 for each of the three therapists, every day for 60 days.
        Run($"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {InWindow - 1})
            INSERT INTO Appointments ({columns})
            SELECT 'W' || i, 1 + i % 3, 1, 1, s, strftime('%Y-%m-%d %H:%M:%S', s, '+60 minutes'), 1, 0, 'w' || i, 'w' || i,
                   '00000000-0000-0000-0000-000000000000', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0
            FROM (SELECT i, strftime('%Y-%m-%d %H:%M:%S', '2026-12-08 10:00:00', '+' || (i / 6) || ' days', '+' || ((i / 3) % 2 * 4) || ' hours') AS s FROM n)
            """);
        // The rest in the past, back to back, so the table grows while the window stays the same.
        var filler = bookings - InWindow;
        if (filler > 0)
        {
            Run($"""
                WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {filler - 1})
                INSERT INTO Appointments ({columns})
                SELECT 'P' || i, 1 + i % 3, 1, 1, s, strftime('%Y-%m-%d %H:%M:%S', s, '+60 minutes'), 1, 0, 'p' || i, 'p' || i,
                       '00000000-0000-0000-0000-000000000000', 0, '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0
                FROM (SELECT i, strftime('%Y-%m-%d %H:%M:%S', '2026-12-04 00:00:00', '-' || (i / 3 + 1) || ' hours') AS s FROM n)
                """);
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HemelMassage.sln")))
            {
                return dir.FullName;
            }
        }
        var env = Environment.GetEnvironmentVariable("HEMEL_REPO");
        return env ?? throw new InvalidOperationException("Run from inside the repository (or set HEMEL_REPO).");
    }

    public static string ArticlesPath => Path.Combine(RepositoryRoot(), "content", "articles");

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
