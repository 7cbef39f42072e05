using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TreatmentNoteAmendmentConfiguration : IEntityTypeConfiguration<TreatmentNoteAmendment>
{
    public void Configure(EntityTypeBuilder<TreatmentNoteAmendment> builder)
    {
        builder.HasOne<TreatmentNote>().WithMany().HasForeignKey(a => a.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.BookingId, a.AtUtc });
        builder.Property(a => a.ProtectedText).IsRequired();
        builder.Property(a => a.ByUserId).HasMaxLength(450);
        builder.Property(a => a.By).HasMaxLength(100);
    }
}
