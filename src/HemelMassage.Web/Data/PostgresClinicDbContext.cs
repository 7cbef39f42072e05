using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HemelMassage.Web.Data;

/// <summary>
/// The same model on PostgreSQL, with its own migrations in Data/Migrations/Postgres. It also keeps the
/// Data Protection key ring, so every app instance signs and reads staff cookies, antiforgery tokens and
/// set-password links with the same keys.
/// </summary>
public sealed class PostgresClinicDbContext(DbContextOptions<PostgresClinicDbContext> options)
    : ClinicDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Byte order, as SQLite compares text: a word prefix is then one range on the index, alike on both engines
        // (the database's own collation may order punctuation and case where the range would not expect them).
        builder.Entity<Clients.ClientSearchWord>().Property(w => w.Word).UseCollation("C");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every instant is UTC (timestamptz). Npgsql refuses a DateTime of unspecified kind, which is what
        // arithmetic on SQLite-read values and parsed slots gives, so the model says "UTC" for them.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgresClinicDbContext</c> build the PostgreSQL model
/// without a server (migrations are computed from the model, not from a live database).
/// </summary>
public sealed class PostgresClinicDbContextFactory : IDesignTimeDbContextFactory<PostgresClinicDbContext>
{
    public PostgresClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresClinicDbContext>()
            .UseNpgsql("Host=localhost;Database=hemel_massage")
            .Options);
}

/// <summary>
/// The SQLite model for <c>dotnet ef migrations add X --context ClinicDbContext</c>: without it the tools take the
/// factory above for the base context too, and write PostgreSQL migrations into the SQLite folder.
/// </summary>
public sealed class ClinicDbContextFactory : IDesignTimeDbContextFactory<ClinicDbContext>
{
    public ClinicDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
