using HemelMassage.Web.Therapists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TimeOffConfiguration : IEntityTypeConfiguration<TimeOff>
{
    public void Configure(EntityTypeBuilder<TimeOff> builder)
    {
        builder.Property(o => o.Reason).HasMaxLength(200);
        builder.HasIndex(o => new { o.TherapistId, o.StartUtc });
        builder.ToTable(t => t.HasCheckConstraint("CK_TimeOff_StartBeforeEnd", "\"StartUtc\" < \"EndUtc\""));
    }
}
