using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

/// <summary>The three roles exist in every database from the first migration; no account comes with them.</summary>
public sealed class StaffRoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) =>
        builder.HasData(StaffRoles.All.Select(name => new IdentityRole
        {
            Id = name.ToLowerInvariant(),
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = name.ToLowerInvariant(),
        }));
}
