using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        // Written only by the single conditional UPDATE that claims a code: Identity's saves of an account loaded
        // earlier must never put an older step back and open the way to a replay.
        builder.Property(u => u.LastAuthenticatorStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
