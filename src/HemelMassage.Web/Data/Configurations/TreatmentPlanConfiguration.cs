using HemelMassage.Web.Bookings;
using HemelMassage.Web.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HemelMassage.Web.Data.Configurations;

public sealed class TreatmentPlanConfiguration : IEntityTypeConfiguration<TreatmentPlan>
{
    public void Configure(EntityTypeBuilder<TreatmentPlan> builder)
    {
        builder.ToTable("TreatmentPlans", t =>
        {
            // The form refuses other numbers with a message; the database refuses them from any other path.
            t.HasCheckConstraint("CK_TreatmentPlans_Visits", $"\"Visits\" BETWEEN 1 AND {PlanRules.MaxVisits}");
            t.HasCheckConstraint("CK_TreatmentPlans_EveryWeeks", $"\"EveryWeeks\" BETWEEN 1 AND {PlanRules.MaxWeeks}");
        });
        builder.HasKey(p => p.BookingId);
        builder.Property(p => p.BookingId).HasColumnName("AppointmentId");
        builder.HasOne<Booking>().WithOne().HasForeignKey<TreatmentPlan>(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(p => p.SetBy).HasMaxLength(100);
    }
}
