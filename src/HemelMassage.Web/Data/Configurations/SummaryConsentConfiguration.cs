using HemelMassage.Web.Clients;
using HemelMassage.Web.Progress;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class SummaryConsentConfiguration : IEntityTypeConfiguration<SummaryConsent>
{
    public void Configure(EntityTypeBuilder<SummaryConsent> builder)
    {
        // Erasing the client erases their consents with them.
        builder.HasOne<Client>().WithMany().HasForeignKey(c => c.ClientId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ClientId, c.GivenAtUtc });
        builder.Property(c => c.GivenBy).HasMaxLength(ConsentFormValidator.MaxGivenBy);
        builder.Property(c => c.SharedWith).HasMaxLength(ConsentFormValidator.MaxSharedWith);
        builder.Property(c => c.RecordedByUserId).HasMaxLength(450);
        builder.Property(c => c.RecordedBy).HasMaxLength(256);
    }
}
