using HemelMassage.Web.Email;
using HemelMassage.Web.Treatments;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

public sealed class ClinicDbContext(DbContextOptions<ClinicDbContext> options) : DbContext(options)
{
    public DbSet<Treatment> Treatments => Set<Treatment>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ClinicDbContext).Assembly);
}
