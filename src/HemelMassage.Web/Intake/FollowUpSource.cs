using HemelMassage.Web.Articles;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Plans;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Intake;

/// <summary>
/// The visits due a follow-up, read as they are now: not for a cancelled, missed or late-cancelled visit, not
/// for a client who opted out, and only once the therapist has recorded the areas worked or set a plan (else there
/// is nothing to explain or offer).
/// </summary>
public sealed class FollowUpSource(ArticleCatalog articles, ClinicOptions clinic, PlanRecords plans, PlanOffers offers, Availability availability)
{
    public const int MaxArticles = 3;

    /// <summary>
    /// Visits that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), for the follow-up job
    /// (<see cref="FollowUpScheduler"/>) each time it runs. Read only.
    /// </summary>
    public async Task<IReadOnlyList<FollowUpNotice>> VisitsAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var visits = await (from a in db.Bookings
                            from i in db.Intakes.Where(i => i.BookingId == a.Id).DefaultIfEmpty()
                            where a.StartUtc >= fromUtc && a.StartUtc < toUtc
                                  && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                                  && !a.Client!.NoFollowUp && !a.NoFollowUp
                                  && ((i != null && i.WorkedRegions != "") || db.Plans.Any(p => p.BookingId == a.Id))
                            orderby a.StartUtc
                            select new
                            {
                                a.Id, a.StartUtc, a.ClientId, a.Client!.Name, a.Client.Email, a.TherapistId, a.TreatmentId, Therapist = a.Therapist!.Name,
                                Regions = i == null ? "" : i.Regions, WorkedRegions = i == null ? "" : i.WorkedRegions,
                            })
            .AsNoTracking().ToListAsync(cancellationToken);
        var notices = new List<FollowUpNotice>();
        foreach (var v in visits.Where(v => v.Email.Length > 0 && !v.Email.EndsWith("@invalid", StringComparison.Ordinal)))
        {
            var notice = Notice(v.Id, v.Name, v.Email, v.StartUtc, BodyRegions.Split(v.Regions), BodyRegions.Split(v.WorkedRegions));
            var next = PlanCourse.After(await plans.CourseAsync(v.ClientId, cancellationToken), v.Id);
            notices.Add(next is null ? notice : notice with { NextVisit = await OfferAsync(next, v.Therapist, cancellationToken) });
        }
        return notices;
    }

    /// <summary>The plan's next visit: the free hours with the same therapist nearest the planned date, each a link into the booking flow.</summary>
    private async Task<NextVisitOffer> OfferAsync(NextVisit next, string therapistName, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var (therapist, treatment) = (next.After.TherapistId, next.After.TreatmentId);
        var plan = PlanRules.Describe(next.Remaining, next.Plan.EveryWeeks);
        var day = DateOnly.FromDateTime(ClinicTime.ToLocal(next.PlannedUtc)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (schedule.Treatment(treatment) is not { } offered)
        {
            // The treatment is no longer offered online: the client chooses afresh.
            return new NextVisitOffer(plan, next.PlannedUtc, therapistName, [], clinic.AbsoluteUrl("/book"));
        }
        var times = $"/book/times?treatment={offered.Slug}&therapist={therapist}";
        var hours = await offers.NearAsync(therapist, treatment, next.PlannedUtc, cancellationToken);
        return new NextVisitOffer(plan, next.PlannedUtc, therapistName,
            [.. hours.Select(h => new EmailLink(ClinicTime.Describe(h.StartUtc), clinic.AbsoluteUrl($"{times}&start={h.Value}#t-{h.Value.Replace(":", "", StringComparison.Ordinal)}")))],
            clinic.AbsoluteUrl($"{times}&date={day}"));
    }

    public FollowUpNotice Notice(int id, string name, string email, DateTime startUtc, IReadOnlyList<string> felt, IReadOnlyList<string> worked)
    {
        var also = worked.Except(felt).Select(c => BodyRegions.Find(c)!)
            .GroupBy(r => r.Why)
            .Select(g => new FollowUpReason([.. g.Select(r => r.Label)], g.Key))
            .ToList();
        var regions = worked.Concat(felt).ToHashSet(StringComparer.Ordinal);
        // Articles that explain this very pattern (pain felt here, eased by working there) first, the most such pairs
        // first; then, as before, articles about the worked areas, the most regions in common first.
        var reading = articles.Listed.Where(a => !a.Draft)
            .Select(a => (Article: a, Pairs: a.Explains.Count(p => p.Matches(felt, worked)),
                Worked: a.Regions.Count(worked.Contains), All: a.Regions.Count(regions.Contains)))
            .Where(x => x.Pairs > 0 || x.Worked > 0)
            .OrderByDescending(x => x.Pairs).ThenByDescending(x => x.Worked).ThenByDescending(x => x.All).ThenByDescending(x => x.Article.Published)
            .Take(MaxArticles)
            .Select(x => new EmailLink(x.Article.Title, clinic.AbsoluteUrl("/articles/" + x.Article.Slug)))
            .ToList();
        return new FollowUpNotice(id, name, email, startUtc, BodyRegions.Labels(felt), also,
            BodyRegions.Labels(worked.Intersect(felt)), reading);
    }
}
