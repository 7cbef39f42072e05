using HemelMassage.Web.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

/// <summary>
/// The overlap rule lives in the database too (triggers on SQLite, written in the migration), so
/// no code path, app instance or staff override can double-book a therapist.
/// </summary>
public sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    /// <summary>Booked, Arrived, NoShow: the hour was (or is) held.</summary>
    public const string ActiveFilter = "\"Status\" IN (1, 3, 4)";

    public void Configure(EntityTypeBuilder<Booking> builder)
    {
        // The table keeps the entity's first name: renaming it would rewrite the overlap triggers for nothing.
        builder.ToTable("Appointments");
        builder.Property(a => a.Reference).HasMaxLength(12);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.Property(a => a.IdempotencyKey).HasMaxLength(64);
        builder.HasIndex(a => a.IdempotencyKey).IsUnique();
        builder.Property(a => a.ManageTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.ManageTokenHash).IsUnique();
        builder.Property(a => a.ClientNote).HasMaxLength(1000);
        builder.Property(a => a.Version).IsConcurrencyToken();

        // Availability reads one window of bookings by start, for all therapists or one.
        builder.HasIndex(a => new { a.TherapistId, a.StartUtc }, "IX_Appointments_TherapistId_StartUtc");
        builder.HasIndex(a => a.StartUtc, "IX_Appointments_StartUtc");
        // Reports ask whether a client booked before a date (one seek per client, not a walk through their history),
        // and a client's page reads their bookings a page at a time, newest first.
        builder.HasIndex(a => new { a.ClientId, a.StartUtc }, "IX_Appointments_ClientId_StartUtc");
        builder.HasIndex(a => new { a.TherapistId, a.StartUtc }, "UX_Appointments_Active_TherapistId_StartUtc")
            .IsUnique().HasFilter(ActiveFilter);

        builder.HasOne(a => a.Therapist).WithMany().HasForeignKey(a => a.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Treatment).WithMany().HasForeignKey(a => a.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Client).WithMany().HasForeignKey(a => a.ClientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Changes).WithOne().HasForeignKey(c => c.BookingId);
    }
}
