using HemelMassage.Web.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class BookingChangeConfiguration : IEntityTypeConfiguration<BookingChange>
{
    public void Configure(EntityTypeBuilder<BookingChange> builder)
    {
        builder.ToTable("AppointmentChanges");
        builder.Property(c => c.BookingId).HasColumnName("AppointmentId");
        builder.Property(c => c.By).HasMaxLength(100);
        builder.Property(c => c.What).HasMaxLength(500);
    }
}
