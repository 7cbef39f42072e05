using HemelMassage.Web.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class ClientConfiguration : IEntityTypeConfiguration<Client>
{
    public void Configure(EntityTypeBuilder<Client> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.Email).HasMaxLength(254);
        // A phone client may have no email: many may have none, no two the same one.
        builder.HasIndex(c => c.Email).IsUnique().HasFilter("\"Email\" <> ''");
        builder.Property(c => c.Phone).HasMaxLength(20);
        builder.Property(c => c.PhoneKey).HasMaxLength(20);
        builder.HasIndex(c => c.PhoneKey);
        builder.Property(c => c.StaffNotes).HasMaxLength(2000);
    }
}
