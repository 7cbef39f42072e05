using HemelMassage.Web.Bookings;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class VisitScoresConfiguration : IEntityTypeConfiguration<VisitScores>
{
    public void Configure(EntityTypeBuilder<VisitScores> builder)
    {
        builder.HasKey(s => s.BookingId);
        builder.HasOne<Booking>().WithOne().HasForeignKey<VisitScores>(s => s.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(s => s.ProtectedScores).IsRequired();
        builder.Property(s => s.RecordedBy).HasMaxLength(100);
        builder.Property(s => s.ScoredRegions).HasMaxLength(1000);
        builder.Ignore(s => s.IsRestricted);
    }
}
