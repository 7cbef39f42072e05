using HemelMassage.Web.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class MailboxLinkConfiguration : IEntityTypeConfiguration<MailboxLink>
{
    public void Configure(EntityTypeBuilder<MailboxLink> builder)
    {
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.Property(l => l.Email).HasMaxLength(254);
        builder.Property(l => l.PendingKey).HasMaxLength(64);
        builder.HasIndex(l => l.Email);
        // The email side's queue: sign-in requests not yet looked up.
        builder.HasIndex(l => new { l.Purpose, l.DecidedAtUtc });
    }
}
