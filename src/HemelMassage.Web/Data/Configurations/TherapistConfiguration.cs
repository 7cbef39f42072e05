using HemelMassage.Web.Therapists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TherapistConfiguration : IEntityTypeConfiguration<Therapist>
{
    public void Configure(EntityTypeBuilder<Therapist> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Bio).HasMaxLength(1000);
        builder.HasMany(t => t.Treatments).WithMany().UsingEntity("TherapistTreatments");
        builder.HasMany(t => t.Hours).WithOne().HasForeignKey(h => h.TherapistId);
        builder.HasMany(t => t.TimeOff).WithOne().HasForeignKey(o => o.TherapistId);
    }
}
