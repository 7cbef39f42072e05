using HemelMassage.Web.Bookings;
using HemelMassage.Web.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class BookingIntakeConfiguration : IEntityTypeConfiguration<BookingIntake>
{
    public void Configure(EntityTypeBuilder<BookingIntake> builder)
    {
        builder.HasKey(i => i.BookingId);
        builder.Property(i => i.BookingId).HasColumnName("AppointmentId");
        builder.HasOne<Booking>().WithOne().HasForeignKey<BookingIntake>(i => i.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(i => i.Regions).HasMaxLength(1000);
        builder.Property(i => i.WorkedRegions).HasMaxLength(1000);
        builder.Property(i => i.ScoredRegions).HasMaxLength(1000);
        builder.Property(i => i.HealthConsentVersion).HasMaxLength(20);
        builder.Property(i => i.WorkedRecordedBy).HasMaxLength(100);
    }
}
