using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// The query-plan tests' database: the migrated seed with a hundred thousand past bookings and ANALYZE's
/// statistics, built once per test run (inserting them took seconds each time) and copied into each test's
/// site before it starts, so every test has a file of its own to write to. The plans SQLite chooses depend on
/// the schema and the statistics, not on whether the history went in before or after the test's own rows.
/// </summary>
public static class PastBookings
{
    public const int Count = 100_000;

    private static readonly Lazy<Task<string>> s_file = new(CreateAsync);

    /// <summary>
    /// A site (not yet started) whose database already holds the history. Its background jobs are held back: on
    /// a stopped clock the follow-up, reminder and retention jobs would otherwise work through the history.
    /// </summary>
    public static async Task<BookingSite> SiteAsync()
    {
        var template = await s_file.Value;
        var site = new BookingSite();
        site.With("Site:BackgroundStartDelay", "01:00:00");
        File.Copy(template, site.DatabaseFile);
        return site;
    }

    private static async Task<string> CreateAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "hemel-tests", "history-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "hemel-massage.db");
        SqliteTemplate.CopyTo(file);
        await AvailabilityQueryPlanTests.InsertHistoryAsync(file, Count);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(directory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return file;
    }
}
