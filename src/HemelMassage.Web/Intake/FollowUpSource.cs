using HemelMassage.Web.Articles;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Intake;

/// <summary>
/// The visits due a follow-up, read as they are now: not for a cancelled, missed or late-cancelled visit, not
/// for a client who opted out, and only once the therapist has recorded the areas worked (else there is nothing to explain).
/// </summary>
public sealed class FollowUpSource(ArticleCatalog articles, ClinicOptions clinic)
{
    public const int MaxArticles = 3;

    /// <summary>
    /// Visits that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), for the follow-up job
    /// (<see cref="FollowUpScheduler"/>) each time it runs. Read only.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpNotice>> VisitsAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var visits = await (from a in db.Bookings
                            join i in db.Intakes on a.Id equals i.BookingId
                            where a.StartUtc >= fromUtc && a.StartUtc < toUtc
                                  && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                                  && !a.Client!.NoFollowUp && !a.NoFollowUp && i.WorkedRegions != ""
                            orderby a.StartUtc
                            select new { a.Id, a.StartUtc, a.Client!.Name, a.Client.Email, i.Regions, i.WorkedRegions })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. visits.Where(v => v.Email.Length > 0 && !v.Email.EndsWith("@invalid", StringComparison.Ordinal))
            .Select(v => Notice(v.Id, v.Name, v.Email, v.StartUtc, BodyRegions.Split(v.Regions), BodyRegions.Split(v.WorkedRegions)))];
    }

    public FollowUpNotice Notice(int id, string name, string email, DateTime startUtc, IReadOnlyList<string> felt, IReadOnlyList<string> worked)
    {
        var also = worked.Except(felt).Select(c => BodyRegions.Find(c)!)
            .GroupBy(r => r.Why)
            .Select(g => new FollowUpReason([.. g.Select(r => r.Label)], g.Key))
            .ToList();
        var regions = worked.Concat(felt).ToHashSet(StringComparer.Ordinal);
        // Articles about the worked areas first (they explain the "why"), the most regions in common first.
        var reading = articles.Listed.Where(a => !a.Draft)
            .Select(a => (Article: a, Worked: a.Regions.Count(worked.Contains), All: a.Regions.Count(regions.Contains)))
            .Where(x => x.Worked > 0)
            .OrderByDescending(x => x.Worked).ThenByDescending(x => x.All).ThenByDescending(x => x.Article.Published)
            .Take(MaxArticles)
            .Select(x => new EmailLink(x.Article.Title, clinic.AbsoluteUrl("/articles/" + x.Article.Slug)))
            .ToList();
        return new FollowUpNotice(id, name, email, startUtc, BodyRegions.Labels(felt), also,
            BodyRegions.Labels(worked.Intersect(felt)), reading);
    }
}
