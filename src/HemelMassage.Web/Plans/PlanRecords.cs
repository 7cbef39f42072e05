using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Plans;

/// <summary>A client due a planned visit with none booked, for the diary and the client's page.</summary>
public sealed record DueClient(
    int ClientId, string ClientName, int TherapistId, string TherapistName, int TreatmentId, string TreatmentName,
    DateOnly DueDate, DateTime LastVisitUtc, int Remaining, int EveryWeeks);

/// <summary>Reads and writes plans. Every change is audited; nothing here is health data.</summary>
public sealed class PlanRecords(ClinicDbContext db, AuditLog audit, TimeProvider clock)
{
    public Task<TreatmentPlan?> FindAsync(int bookingId, CancellationToken cancellationToken) =>
        db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.BookingId == bookingId, cancellationToken);

    public async Task SetAsync(Booking booking, int visits, int everyWeeks, string by, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.BookingId == booking.Id, cancellationToken);
        if (plan is null)
        {
            plan = new TreatmentPlan { BookingId = booking.Id, SetBy = by };
            db.Plans.Add(plan);
        }
        (plan.Visits, plan.EveryWeeks, plan.SetAtUtc, plan.SetBy) = (visits, everyWeeks, clock.GetUtcNow().UtcDateTime, by);
        audit.Add("booking.plan", booking.Reference, "Plan: " + PlanRules.Describe(visits, everyWeeks));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <returns>False when there was no plan to remove.</returns>
    public async Task<bool> RemoveAsync(Booking booking, CancellationToken cancellationToken)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.BookingId == booking.Id, cancellationToken);
        if (plan is null)
        {
            return false;
        }
        db.Plans.Remove(plan);
        audit.Add("booking.plan-removed", booking.Reference, "Plan removed");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>One client's kept visits from their latest plan on, with the plans set on them: what <see cref="PlanCourse"/> needs.</summary>
    public async Task<IReadOnlyList<CourseVisit>> CourseAsync(int clientId, CancellationToken cancellationToken) =>
        (await CoursesAsync(clientId, cancellationToken)).GetValueOrDefault(clientId) ?? [];

    /// <summary>Clients due a planned visit with none booked, soonest due first; one client, one therapist's or all.</summary>
    public async Task<IReadOnlyList<DueClient>> DueAsync(int? clientId, int? therapistId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = (await CoursesAsync(clientId, cancellationToken)).Values
            .Select(visits => PlanCourse.Due(visits, now))
            .OfType<NextVisit>()
            .Where(n => therapistId is null || n.After.TherapistId == therapistId)
            .ToList();
        if (due.Count == 0)
        {
            return [];
        }
        var ids = due.Select(n => n.After.BookingId).ToList();
        var names = await db.Bookings.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.ClientId, Client = a.Client!.Name, Therapist = a.Therapist!.Name, Treatment = a.Treatment!.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken);
        return [.. due.Select(n => (Next: n, Names: names[n.After.BookingId]))
            .Select(x => new DueClient(x.Names.ClientId, x.Names.Client, x.Next.After.TherapistId, x.Names.Therapist, x.Next.After.TreatmentId, x.Names.Treatment,
                DateOnly.FromDateTime(ClinicTime.ToLocal(x.Next.PlannedUtc)), x.Next.After.StartUtc, x.Next.Remaining, x.Next.Plan.EveryWeeks))
            .OrderBy(d => d.DueDate).ThenBy(d => d.ClientName, StringComparer.Ordinal).ThenBy(d => d.ClientId)];
    }

    /// <summary>
    /// Each planned client's kept visits from their latest plan on. Two small reads: where each client's latest plan
    /// is (plans by their booking's key), then those clients' visits from there (the client-and-start index); none
    /// at all for a clinic with no plans.
    /// </summary>
    private async Task<Dictionary<int, List<CourseVisit>>> CoursesAsync(int? clientId, CancellationToken cancellationToken)
    {
        var starts = await (from p in db.Plans
                            join a in db.Bookings on p.BookingId equals a.Id
                            where (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived) && (clientId == null || a.ClientId == clientId)
                            group a.StartUtc by a.ClientId into g
                            select new { ClientId = g.Key, From = g.Max() })
            .ToDictionaryAsync(s => s.ClientId, s => s.From, cancellationToken);
        if (starts.Count == 0)
        {
            return [];
        }
        var clients = starts.Keys.ToList();
        var earliest = starts.Values.Min();
        var rows = await (from a in db.Bookings
                          where clients.Contains(a.ClientId) && a.StartUtc >= earliest
                                && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                          from p in db.Plans.Where(p => p.BookingId == a.Id).DefaultIfEmpty()
                          select new { a.Id, a.ClientId, a.StartUtc, a.TherapistId, a.TreatmentId, Plan = p })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => r.StartUtc >= starts[r.ClientId]).GroupBy(r => r.ClientId)
            .ToDictionary(g => g.Key, g => g.Select(r => new CourseVisit(r.Id, r.StartUtc, r.TherapistId, r.TreatmentId, r.Plan)).ToList());
    }
}
