using HemelMassage.Web.Therapists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class WorkingHoursConfiguration : IEntityTypeConfiguration<WorkingHours>
{
    public void Configure(EntityTypeBuilder<WorkingHours> builder)
    {
        builder.HasIndex(h => new { h.TherapistId, h.Day });
        builder.ToTable(t => t.HasCheckConstraint("CK_WorkingHours_StartBeforeEnd", "\"Start\" < \"End\""));
    }
}
