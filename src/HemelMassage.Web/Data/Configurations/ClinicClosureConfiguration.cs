using HemelMassage.Web.Closures;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class ClinicClosureConfiguration : IEntityTypeConfiguration<ClinicClosure>
{
    public void Configure(EntityTypeBuilder<ClinicClosure> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(200);
        builder.ToTable(t => t.HasCheckConstraint("CK_ClinicClosures_FromNotAfterTo", "\"From\" <= \"To\""));
    }
}
