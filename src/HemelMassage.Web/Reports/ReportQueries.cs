using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Reports;

/// <summary>
/// A period's figures for the Owner. The database does the counting and summing (a handful of grouped
/// queries over the start-time index, whatever the size of the table); only the therapists' working time,
/// a few rows of weekly hours, time off and closures, is worked out here.
/// </summary>
public sealed class ReportQueries(ClinicDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(ClinicTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    public async Task<ReportFigures> FiguresAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        var fromUtc = ClinicTime.ToUtc(period.First.ToDateTime(TimeOnly.MinValue));
        var toUtc = ClinicTime.ToUtc(period.Last.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var inPeriod = db.Bookings.AsNoTracking().Where(b => b.StartUtc >= fromUtc && b.StartUtc < toUtc);

        var byStatus = await inPeriod.GroupBy(b => b.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Pence = g.Sum(b => (long)b.PricePence) })
            .ToListAsync(cancellationToken);
        int Count(BookingStatus s) => byStatus.FirstOrDefault(x => x.Status == s)?.Count ?? 0;
        long Pence(BookingStatus s) => byStatus.FirstOrDefault(x => x.Status == s)?.Pence ?? 0;
        var outcomes = new Outcomes(Count(BookingStatus.Arrived), Count(BookingStatus.NoShow), Count(BookingStatus.LateCancellation),
            Count(BookingStatus.Booked), Count(BookingStatus.Cancelled));
        var income = new Income(Pence(BookingStatus.Arrived), Pence(BookingStatus.Booked), Pence(BookingStatus.NoShow) + Pence(BookingStatus.LateCancellation));

        return new ReportFigures(period, outcomes, income, await TherapistsAsync(inPeriod, period, fromUtc, toUtc, cancellationToken),
            await ClientsAsync(inPeriod, fromUtc, cancellationToken));
    }

    /// <summary>Booked hours are the hours held (booked, arrived, no-show); a late cancellation freed its hour.</summary>
    private async Task<IReadOnlyList<TherapistUse>> TherapistsAsync(
        IQueryable<Booking> inPeriod, ReportPeriod period, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var held = await inPeriod
            .Where(b => b.Status == BookingStatus.Booked || b.Status == BookingStatus.Arrived || b.Status == BookingStatus.NoShow)
            .GroupBy(b => b.TherapistId).Select(g => new { TherapistId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.TherapistId, x => x.Count, cancellationToken);
        var therapists = await db.Therapists.AsNoTracking()
            .Where(t => t.IsActive || held.Keys.Contains(t.Id))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name })
            .ToListAsync(cancellationToken);
        var ids = therapists.Select(t => t.Id).ToList();
        var hours = (await db.WorkingHours.AsNoTracking().Where(h => ids.Contains(h.TherapistId)).ToListAsync(cancellationToken))
            .ToLookup(h => h.TherapistId, h => new WeeklyRange(h.Day, h.Start, h.End));
        var timeOff = (await db.TimeOff.AsNoTracking().Where(o => ids.Contains(o.TherapistId) && o.StartUtc < toUtc && o.EndUtc > fromUtc).ToListAsync(cancellationToken))
            .ToLookup(o => o.TherapistId, o => new BusyRange(o.TherapistId, o.StartUtc, o.EndUtc));
        var closures = await db.ClinicClosures.AsNoTracking()
            .Where(c => c.From <= period.Last && c.To >= period.First)
            .Select(c => new ClosureDates(c.From, c.To)).ToListAsync(cancellationToken);
        return [.. therapists.Select(t => new TherapistUse(
            t.Name,
            TreatmentLength.Duration * held.GetValueOrDefault(t.Id),
            WorkingTime.Of([.. hours[t.Id]], [.. timeOff[t.Id]], closures, period.First, period.Last)))];
    }

    /// <summary>
    /// New: the client's first booking ever (not counting ones cancelled in time) is in the period.
    /// "Booked before?" is asked once per distinct client of the period, a seek on (ClientId, StartUtc) that stops
    /// at the first earlier booking, and never per booking: SQLite 3.53 turns an EXISTS in the WHERE of the
    /// period's bookings into a join that walks all of a client's earlier bookings for each of them (hours at a
    /// million). Hence the EXISTS sits inside an aggregate over the distinct clients, where it cannot be moved;
    /// the constant key makes one row of both counts (none when nobody booked).
    /// </summary>
    private async Task<ClientCounts> ClientsAsync(IQueryable<Booking> inPeriod, DateTime fromUtc, CancellationToken cancellationToken)
    {
        var counts = await inPeriod.Where(b => b.Status != BookingStatus.Cancelled).Select(b => b.ClientId).Distinct()
            .Select(id => new { Returning = db.Bookings.Any(b => b.ClientId == id && b.StartUtc < fromUtc && b.Status != BookingStatus.Cancelled) })
            .GroupBy(_ => 1)
            .Select(g => new { Total = g.Count(), Returning = g.Count(c => c.Returning) })
            .FirstOrDefaultAsync(cancellationToken);
        return counts is null ? new ClientCounts(0, 0) : new ClientCounts(counts.Total - counts.Returning, counts.Returning);
    }
}
