using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Postgres;

public sealed class PostgresBackupTests
{
    [PostgresFact]
    public async Task The_backup_command_on_postgres_copies_nothing_and_points_to_pg_dump()
    {
        using var site = new SiteFactory();
        site.OnPostgres();
        _ = site.CreatePageClient();
        var target = Path.Combine(site.DataDirectory, "backups", "copy.db");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => DatabaseBackup.BackupAsync(site.Services, target));

        Assert.Contains("pg_dump", failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }
}
