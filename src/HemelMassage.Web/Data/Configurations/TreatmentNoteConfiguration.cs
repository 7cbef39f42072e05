using HemelMassage.Web.Bookings;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TreatmentNoteConfiguration : IEntityTypeConfiguration<TreatmentNote>
{
    public void Configure(EntityTypeBuilder<TreatmentNote> builder)
    {
        builder.HasKey(n => n.BookingId);
        builder.HasOne<Booking>().WithOne().HasForeignKey<TreatmentNote>(n => n.BookingId).OnDelete(DeleteBehavior.Cascade);
        // Ciphertext of four texts of up to 4,000 characters each: no length limit, the form bounds what goes in.
        builder.Property(n => n.ProtectedText).IsRequired();
        builder.Property(n => n.WrittenByUserId).HasMaxLength(450);
        builder.Property(n => n.WrittenBy).HasMaxLength(100);
        builder.Property(n => n.SignedBy).HasMaxLength(100);
        builder.Property(n => n.RestrictedBy).HasMaxLength(100);
        builder.Property(n => n.RestrictedReason).HasMaxLength(500);
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.Ignore(n => n.IsRestricted);
        builder.Ignore(n => n.IsSigned);
    }
}
