using HemelMassage.Web.Book;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class PendingBookingConfiguration : IEntityTypeConfiguration<PendingBooking>
{
    public void Configure(EntityTypeBuilder<PendingBooking> builder)
    {
        builder.HasKey(p => p.Key);
        builder.Property(p => p.BookingId).HasColumnName("AppointmentId");
        builder.Property(p => p.Key).HasMaxLength(64);
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Email).HasMaxLength(254);
        builder.Property(p => p.Phone).HasMaxLength(20);
        builder.Property(p => p.Note).HasMaxLength(1000);
        builder.Property(p => p.Regions).HasMaxLength(1000);
        builder.Property(p => p.BrowserHash).HasMaxLength(64);
        builder.HasIndex(p => p.ExpiresAtUtc);
    }
}
