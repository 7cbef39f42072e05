using HemelMassage.Web.Therapists;
using HemelMassage.Web.Treatments;

namespace HemelMassage.Web.Data;

/// <summary>Fills an empty database with what the site needs to be usable at once.</summary>
public sealed class DatabaseSeeder(ClinicDbContext db)
{
    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        await TreatmentSeed.ApplyAsync(db, cancellationToken);
        await TherapistSeed.ApplyAsync(db, cancellationToken);
    }
}
