using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Site;

/// <summary>
/// The entity classes and each engine's migrations must say the same thing: a change to an entity without its
/// two migrations (or two branches' migrations merged into one model) fails here, not at a clinic's upgrade.
/// </summary>
public sealed class DatabaseModelTests
{
    private static ClinicDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<ClinicDbContext>().UseSqlite("Data Source=:memory:").Options);

    private static PostgresClinicDbContext Postgres() =>
        new(new DbContextOptionsBuilder<PostgresClinicDbContext>().UseNpgsql("Host=127.0.0.1;Database=model_check").Options);

    [Fact]
    public void Both_engines_migrations_match_the_entity_classes()
    {
        using var sqlite = Sqlite();
        using var postgres = Postgres();

        Assert.False(sqlite.Database.HasPendingModelChanges(),
            "The SQLite model has changes no migration holds: add one (README, Database migrations).");
        Assert.False(postgres.Database.HasPendingModelChanges(),
            "The PostgreSQL model has changes no migration holds: add one (README, Database migrations).");
    }
}
