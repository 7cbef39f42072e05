using HemelMassage.Web.Bookings;
using HemelMassage.Web.Closures;
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

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasIndex(h => new { h.TherapistId, h.Day });
        builder.ToTable(t => t.HasCheckConstraint("CK_WorkingHours_StartBeforeEnd", "\"Start\" < \"End\""));
    }
}

public sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(200);
        builder.HasIndex(o => new { o.TherapistId, o.StartUtc });
        builder.ToTable(t => t.HasCheckConstraint("CK_TimeOff_StartBeforeEnd", "\"StartUtc\" < \"EndUtc\""));
    }
}

public sealed class ClinicClosureConfiguration : IEntityTypeConfiguration<ClinicClosure>
{
    public void Configure(EntityTypeBuilder<ClinicClosure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_ClinicClosures_FromNotAfterTo", "\"From\" <= \"To\""));
    }
}
