using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class StaffSetupTokenConfiguration : IEntityTypeConfiguration<StaffSetupToken>
{
    public void Configure(EntityTypeBuilder<StaffSetupToken> builder)
    {
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
    }
}
