using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Treatments;

public sealed record TreatmentSummary(string Slug, string Name, string Suits, string Description, int PricePence)
{
    public string Price => Money.Format(PricePence);
}

/// <summary>
/// Reads the treatments the public pages show: offered, and given by at least one active therapist (a
/// treatment nobody gives would show a Book link that leads to no times).
/// </summary>
public sealed class TreatmentMenu(ClinicDbContext db)
{
    // Compiled once: the home and treatments pages skip EF's query-cache lookup on every miss of the output cache.
    private static readonly CompiledPerModel<Func<ClinicDbContext, IAsyncEnumerable<TreatmentSummary>>> Active =
        new(() => EF.CompileAsyncQuery((ClinicDbContext db) => db.Treatments.AsNoTracking()
            .Where(t => t.IsActive && db.Therapists.Any(th => th.IsActive && th.Treatments.Any(x => x.Id == t.Id)))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TreatmentSummary(t.Slug, t.Name, t.Suits, t.Description, t.PricePence))));

    public async Task<IReadOnlyList<TreatmentSummary>> ActiveAsync(CancellationToken cancellationToken = default) =>
        await Active.For(db)(db).ToListAsync(cancellationToken);
}

public static class Money
{
    public static string Format(int pence) =>
        pence % 100 == 0 ? $"£{pence / 100}" : $"£{pence / 100}.{pence % 100:00}";
}
