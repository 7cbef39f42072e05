using HemelMassage.Web.CalendarFeeds;
using HemelMassage.Web.Therapists;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        // One live link per therapist: a new one replaces it rather than adding a second that would keep working.
        builder.HasIndex(f => f.TherapistId).IsUnique();
        builder.HasOne<Therapist>().WithMany().HasForeignKey(f => f.TherapistId).OnDelete(DeleteBehavior.Cascade);
    }
}
