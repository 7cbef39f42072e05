using System.Net;
using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Booking;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Security;

public sealed class BackupTests(ITestOutputHelper output)
{
    private static readonly string[] Hours = ["09:00", "11:00", "14:00", "16:00"];
    private static readonly string[] Days = ["08", "09", "10", "11", "14", "15"];

    [Fact]
    public async Task A_backup_taken_while_bookings_are_written_restores_whole_with_every_earlier_booking()
    {
        var restoreDirectory = Path.Combine(Path.GetTempPath(), "hemel-tests", "restore-" + Guid.NewGuid().ToString("n"));
        var backupFile = Path.Combine(restoreDirectory, "hemel-massage.db");
        try
        {
            string[] beforeBackup;
            using (var site = new BookingSite())
            {
                var client = site.CreatePageClient();
                var links = new List<string>();
                foreach (var day in Days.Take(2))
                {
                    links.Add(await SecuritySteps.BookAsync(client, $"2026-12-{day}T09:00Z", BookingJourney.Details(email: $"early{day}@example.com")));
                }
                beforeBackup = [.. links];
                using var stop = new CancellationTokenSource();
                var load = Task.Run(async () =>
                {
                    foreach (var start in Days.Skip(2).SelectMany(d => Hours.Select(h => $"2026-12-{d}T{h}Z")))
                    {
                        links.Add(await SecuritySteps.BookAsync(site.CreatePageClient(), start, BookingJourney.Details(email: $"load{links.Count}@example.com")));
                    }
                });
                // Back up once the load is writing (its first booking is in), while the rest are still to come.
                while (links.Count == beforeBackup.Length && !load.IsCompleted)
                {
                    await Task.Delay(10);
                }

                await DatabaseBackup.BackupAsync(site.Services, backupFile);
                await load;
                output.WriteLine($"{links.Count} bookings written; the backup was taken during the load");
            }

            await using (var connection = new SqliteConnection($"Data Source={backupFile};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", (string?)await check.ExecuteScalarAsync());
                check.CommandText = "SELECT COUNT(*) FROM Appointments";
                var rows = (long)(await check.ExecuteScalarAsync())!;
                Assert.InRange(rows, beforeBackup.Length, beforeBackup.Length + Days.Length * Hours.Length);
                output.WriteLine($"Backup: integrity ok, {rows} bookings");
            }

            using var restored = new BookingSite();
            restored.With("DataDirectory", restoreDirectory);
            var fresh = restored.CreatePageClient();
            foreach (var link in beforeBackup)
            {
                Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(link)).StatusCode);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(restoreDirectory, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public async Task A_database_restored_from_a_backup_is_back_in_wal_mode_once_the_site_starts()
    {
        var restoreDirectory = Path.Combine(Path.GetTempPath(), "hemel-tests", "restore-" + Guid.NewGuid().ToString("n"));
        var restored = Path.Combine(restoreDirectory, "hemel-massage.db");
        try
        {
            string link;
            using (var site = new BookingSite())
            {
                link = await SecuritySteps.BookAsync(site.CreatePageClient(), "2026-12-08T09:00Z");
                Assert.Equal("wal", JournalMode(site.DatabaseFile));
                await DatabaseBackup.BackupAsync(site.Services, restored);
            }
            Assert.Equal("delete", JournalMode(restored));  // VACUUM INTO writes its copy without WAL

            using var site2 = new BookingSite();
            site2.With("DataDirectory", restoreDirectory);
            Assert.Equal(HttpStatusCode.OK, (await site2.CreatePageClient().GetAsync(link)).StatusCode);

            Assert.Equal("wal", JournalMode(restored));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(restoreDirectory, recursive: true); } catch (IOException) { }
        }
    }

    private static string? JournalMode(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        return command.ExecuteScalar() as string;
    }

    [Fact]
    public async Task The_backup_command_refuses_to_overwrite_an_existing_file()
    {
        using var site = new BookingSite();
        _ = site.CreatePageClient();
        var target = Path.Combine(site.DataDirectory, "copy.db");
        await File.WriteAllTextAsync(target, "precious");

        await Assert.ThrowsAsync<IOException>(() => DatabaseBackup.BackupAsync(site.Services, target));
        Assert.Equal("precious", await File.ReadAllTextAsync(target));
    }
}
