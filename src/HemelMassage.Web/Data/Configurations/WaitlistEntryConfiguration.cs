using HemelMassage.Web.Bookings;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    /// <summary>Waiting (1): the entries a freed hour may go to.</summary>
    public const string WaitingFilter = "\"State\" = 1";

    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(200);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Phone).HasMaxLength(40);
        builder.Property(e => e.LeaveTokenHash).HasMaxLength(64);
        builder.HasIndex(e => e.LeaveTokenHash).IsUnique();

        // A freed hour walks the waiting entries in joining order and stops at the first that wants it.
        builder.HasIndex(e => new { e.JoinedAtUtc, e.Id }, "IX_WaitlistEntries_Waiting_JoinedAtUtc")
            .HasFilter(WaitingFilter);
        // The per-email limit, the staff list by day, and ending entries at the end of their range.
        builder.HasIndex(e => new { e.Email, e.State });
        builder.HasIndex(e => new { e.State, e.FromDate, e.ToDate });
        builder.HasIndex(e => new { e.State, e.EndsAtUtc });

        builder.ToTable(t => t.HasCheckConstraint("CK_WaitlistEntries_FromNotAfterTo", "\"FromDate\" <= \"ToDate\""));
        builder.HasOne<Treatments.Treatment>().WithMany().HasForeignKey(e => e.TreatmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Therapists.Therapist>().WithMany().HasForeignKey(e => e.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Booking>().WithMany().HasForeignKey(e => e.BookingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Offers).WithOne(o => o.Entry).HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}
