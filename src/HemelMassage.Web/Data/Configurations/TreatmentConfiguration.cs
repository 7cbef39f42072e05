using HemelMassage.Web.Treatments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TreatmentConfiguration : IEntityTypeConfiguration<Treatment>
{
    public void Configure(EntityTypeBuilder<Treatment> builder)
    {
        builder.Property(t => t.Slug).HasMaxLength(80);
        builder.HasIndex(t => t.Slug).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Suits).HasMaxLength(300);
        builder.Property(t => t.Description).HasMaxLength(2000);
        builder.ToTable(t => t.HasCheckConstraint("CK_Treatments_PricePence", "\"PricePence\" >= 0"));
    }
}
