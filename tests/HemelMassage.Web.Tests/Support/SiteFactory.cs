using System.Net;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// The site on a real SQLite file in a fresh temporary data folder, or on a fresh PostgreSQL database
/// (<see cref="OnPostgres"/>, or every site when <c>HEMEL_TEST_DATABASE=Postgres</c>). One factory is one
/// site; add settings before the first request with <see cref="With"/>.
/// </summary>
public class SiteFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private string? _sharedPostgres;

    public SiteFactory()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "hemel-tests", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(DataDirectory);
        _settings["DataDirectory"] = DataDirectory;
        _settings["Articles:Path"] = RepositoryPaths.Articles;
        // Every test client shares one (empty) address, so the per-address limits are lifted here;
        // Security/RateLimitTests set them low again to prove they hold.
        _settings["RateLimits:Booking:PermitLimit"] = "1000000";
        _settings["RateLimits:Manage:PermitLimit"] = "1000000";
        _settings["RateLimits:SignIn:PermitLimit"] = "1000000";
        _settings["RateLimits:Account:PermitLimit"] = "1000000";
        // Tests that wait for an email should not also wait out the pause that spares a real start-up.
        _settings["Site:BackgroundStartDelay"] = "00:00:00";
        UsesPostgres = TestDatabase.AllSitesOnPostgres;
        // PBKDF2 at Identity's 100,000 rounds costs tens of milliseconds for each staff account made and each
        // sign-in; test sites hash with few rounds. Staff/SignInTimingTests measures the real cost and puts it back.
        WithServices(services => services.PostConfigure<PasswordHasherOptions>(o => o.IterationCount = _passwordHashIterations ?? o.IterationCount));
    }

    private int? _passwordHashIterations = 1000;

    /// <summary><c>HEMEL_TEST_SITE_CONSOLE=1</c>: sites keep the host's console logging, to watch a test run's logs.</summary>
    public static bool KeepConsoleLogging { get; } = System.Environment.GetEnvironmentVariable("HEMEL_TEST_SITE_CONSOLE") == "1";

    /// <summary>Hashes staff passwords at Identity's real cost, for a test that measures it.</summary>
    public SiteFactory WithRealPasswordHashing()
    {
        _passwordHashIterations = null;
        return this;
    }

    public bool UsesPostgres { get; private set; }

    /// <summary>The PostgreSQL database of this site, made on first use; null on SQLite.</summary>
    public string? PostgresConnectionString { get; private set; }

    public string DataDirectory { get; }

    public string Environment { get; set; } = "Development";

    public string DatabaseFile => Path.Combine(DataDirectory, "hemel-massage.db");

    public SiteFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Runs this site on a fresh PostgreSQL database of its own instead of SQLite.</summary>
    public SiteFactory OnPostgres()
    {
        UsesPostgres = true;
        return this;
    }

    /// <summary>Creates this site's PostgreSQL database now (before the site starts), so a test can share it.</summary>
    public string EnsurePostgresDatabase()
    {
        UsesPostgres = true;
        return PostgresConnectionString ??= TestDatabase.CreatePostgresDatabase();
    }

    /// <summary>Runs this site on another site's PostgreSQL database: a second app instance. The owner drops it.</summary>
    public SiteFactory OnPostgres(string sharedConnectionString)
    {
        UsesPostgres = true;
        _sharedPostgres = sharedConnectionString;
        return this;
    }

    public SiteFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// Starts the site on Kestrel on a free loopback port and returns its address. The port is chosen through
    /// Kestrel's own options: the factory's <c>UseKestrel(port)</c> rewrites the server's address list after the
    /// host is built, while the app's entry point may already be starting that server on its own thread, and
    /// then the rewrite throws "Addresses cannot be modified after the server has started".
    /// </summary>
    public Uri StartOnLoopback()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    /// <summary>
    /// Waits for the one-off work the site does once it serves (the first-Owner setup link, written when no staff
    /// account exists), so a test comparing the database before and after a request sees only that request.
    /// </summary>
    public Task StartupWritesDoneAsync() =>
        Services.GetServices<IHostedService>().OfType<FirstOwnerOffer>().Single().ExecuteTask?.WaitAsync(TimeSpan.FromSeconds(60)) ?? Task.CompletedTask;

    public HttpClient CreatePageClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://localhost") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        SiteCount.Started(this);
        builder.UseEnvironment(Environment);
        if (UsesPostgres)
        {
            _settings["Database:Provider"] = "Postgres";
            // A copy of the migrated template, as SQLite sites get one; a database made before the site starts
            // (EnsurePostgresDatabase: the two-instance tests' race to migrate a new database) stays empty.
            _settings["Database:ConnectionString"] = _sharedPostgres
                ?? (PostgresConnectionString ??= TestDatabase.CreatePostgresDatabase(migrated: !SqliteTemplate.Off));
        }
        else if (!SqliteTemplate.Off && _settings.GetValueOrDefault("Database:Provider") is null or "Sqlite"
            && _settings.GetValueOrDefault("Database:ConnectionString") is null
            && _settings["DataDirectory"] is { } dataDirectory
            && !File.Exists(Path.Combine(dataDirectory, "hemel-massage.db")))
        {
            // A migrated copy instead of migrating a new file (a site on a folder that has a database keeps it).
            Directory.CreateDirectory(dataDirectory);
            SqliteTemplate.CopyTo(Path.Combine(dataDirectory, "hemel-massage.db"));
        }
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (PostgresConnectionString is { } postgres)
            {
                TestDatabase.DropPostgresDatabase(postgres);
            }
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
