using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

/// <summary>
/// <c>backup path/to/file.db</c>: an online, consistent copy of the live SQLite database with
/// <c>VACUUM INTO</c>, taken from one read transaction while the site keeps taking bookings.
/// </summary>
public static class DatabaseBackup
{
    public const string Command = "backup";

    /// <summary>True when <paramref name="args"/> named the command, which has then run; the caller exits.</summary>
    public static async Task<bool> TryRunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] != Command)
        {
            return false;
        }
        if (args.Length < 2 || string.IsNullOrWhiteSpace(args[1]))
        {
            output.WriteLine("Usage: backup path/to/new-file.db");
            Environment.ExitCode = 2;
            return true;
        }
        try
        {
            var target = await BackupAsync(services, args[1]);
            output.WriteLine($"Database backed up to {target}");
        }
        catch (Exception e) when (e is IOException or SqliteException or InvalidOperationException)
        {
            output.WriteLine($"Backup failed: {e.Message}");
            Environment.ExitCode = 1;
        }
        return true;
    }

    public static async Task<string> BackupAsync(IServiceProvider services, string path, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(path);
        if (File.Exists(target))
        {
            throw new IOException($"{target} already exists; choose a new file name so no backup is overwritten.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        if (!db.Database.IsSqlite())
        {
            throw new InvalidOperationException(
                "The backup command copies the SQLite database. On PostgreSQL use pg_dump (pg_dump -Fc -f hemel.dump DATABASE); docs/deploy.md has backup and restore.");
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "VACUUM INTO $target";
            command.Parameters.Add(new SqliteParameter("$target", target));
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return target;
    }
}
