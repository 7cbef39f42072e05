using HemelMassage.Web.Bookings;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

/// <summary>
/// The waitlist's two promises are indexes, so no code path or second app instance can break them: one live
/// hold per therapist's hour, and one offer per entry and hour, ever (whichever therapist frees it).
/// </summary>
public sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    /// <summary>Offered (1): the hold is live until the job or a claim ends it.</summary>
    public const string HeldFilter = "\"State\" = 1";

    public void Configure(EntityTypeBuilder<WaitlistOffer> builder)
    {
        builder.Property(o => o.ClaimTokenHash).HasMaxLength(64);
        builder.HasIndex(o => o.ClaimTokenHash).IsUnique();
        builder.Property(o => o.OfferedBy).HasMaxLength(256);

        builder.HasIndex(o => new { o.TherapistId, o.StartUtc }, "UX_WaitlistOffers_Held_TherapistId_StartUtc")
            .IsUnique().HasFilter(HeldFilter);
        builder.HasIndex(o => new { o.EntryId, o.StartUtc }, "UX_WaitlistOffers_EntryId_StartUtc").IsUnique();
        // The times pages read the live holds by start; the job finds the holds that have run out.
        builder.HasIndex(o => new { o.StartUtc, o.HeldUntilUtc }, "IX_WaitlistOffers_Held_StartUtc").HasFilter(HeldFilter);
        builder.HasIndex(o => o.HeldUntilUtc, "IX_WaitlistOffers_Held_HeldUntilUtc").HasFilter(HeldFilter);

        builder.ToTable(t => t.HasCheckConstraint("CK_WaitlistOffers_HeldAfterOffered", "\"HeldUntilUtc\" > \"OfferedAtUtc\""));
        builder.HasOne<Therapists.Therapist>().WithMany().HasForeignKey(o => o.TherapistId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Booking>().WithMany().HasForeignKey(o => o.BookingId).OnDelete(DeleteBehavior.Restrict);
    }
}
