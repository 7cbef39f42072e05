using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Treatments;

/// <summary>The Owner's changes to the treatments: name, who it suits, description, price, offered or not. Never the hour.</summary>
public sealed partial class TreatmentChanges(ClinicDbContext db, ScheduleChanges changes)
{
    public async Task<int> SaveAsync(int? id, TreatmentForm form, CancellationToken cancellationToken)
    {
        var treatment = id is int existing ? await db.Treatments.FindAsync([existing], cancellationToken) : null;
        if (treatment is null)
        {
            treatment = new Treatment { Slug = await UnusedSlugAsync(form.Name, cancellationToken), Name = "", Suits = "", Description = "", SortOrder = 100 };
            db.Treatments.Add(treatment);
        }
        treatment.Name = form.Name.Trim();
        treatment.Suits = form.Suits.Trim();
        treatment.Description = form.Description.Trim();
        treatment.PricePence = form.Pence!.Value;
        treatment.IsActive = form.IsActive;
        await changes.SaveAsync(id is null ? "treatment.create" : "treatment.edit", treatment.Name, $"{Money.Format(treatment.PricePence)}, {(treatment.IsActive ? "active" : "inactive")}", cancellationToken);
        return treatment.Id;
    }

    private async Task<string> UnusedSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = NotSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "treatment" : slug[..Math.Min(slug.Length, 60)];
        var candidate = slug;
        for (var n = 2; await db.Treatments.AnyAsync(t => t.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
