using HemelMassage.Web.Data;
using HemelMassage.Web.Waitlist;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Bookings;

/// <summary>Free hours for the pages: the cached schedule plus one indexed query for the bookings in the window.</summary>
public sealed class Availability(
    ClinicDbContext db, ScheduleCache schedules, AvailabilityCalculator calculator, IOptions<BookingOptions> options, TimeProvider clock)
{
    // The hot query of every availability page, compiled once: the active bookings in the window and, in the same
    // command (UNION ALL), the hours held for someone on the waitlist, which are taken for everyone else as a
    // booking is. A hold whose time has run out counts no more, even before the waitlist job has passed it on. EF
    // drops the "@p IS NULL" arms per call (it caches SQL by which parameters are null). A hold's row carries its
    // start as its end (a set operation needs the same columns on both sides); BookingsAsync gives it its hour.
    private static readonly CompiledPerModel<Func<ClinicDbContext, DateTime, DateTime, int?, int?, DateTime, IAsyncEnumerable<BusyRange>>> ActiveBetween =
        new(() => EF.CompileAsyncQuery((ClinicDbContext db, DateTime earliestStart, DateTime latestStart, int? therapistId, int? excludingId, DateTime nowUtc) =>
            db.Bookings.AsNoTracking()
                .Where(a => a.StartUtc > earliestStart && a.StartUtc < latestStart)
                .Where(a => a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived || a.Status == BookingStatus.NoShow)
                .Where(a => therapistId == null || a.TherapistId == therapistId)
                .Where(a => excludingId == null || a.Id != excludingId)
                .Select(a => new { a.TherapistId, a.StartUtc, a.EndUtc })
                .Concat(db.WaitlistOffers.AsNoTracking()
                    .Where(o => o.State == OfferState.Offered && o.StartUtc > earliestStart && o.StartUtc < latestStart && o.HeldUntilUtc > nowUtc)
                    .Where(o => therapistId == null || o.TherapistId == therapistId)
                    .Select(o => new { o.TherapistId, o.StartUtc, EndUtc = o.StartUtc }))
                .Select(x => new BusyRange(x.TherapistId, x.StartUtc, x.EndUtc))));

    public Task<Schedule> ScheduleAsync(CancellationToken cancellationToken = default) => schedules.GetAsync(cancellationToken);

    /// <summary>What a times page shows: the dates with free hours, and the hours of any one of them, from one query.</summary>
    public async Task<FreeTimes> FreeTimesAsync(Schedule schedule, int treatmentId, int? therapistId, int? excludingBookingId = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var bookings = await BookingsAsync(now + options.Value.MinimumNotice, now + options.Value.MaximumWindow, therapistId, excludingBookingId, cancellationToken);
        return calculator.Times(schedule, bookings, now, treatmentId, therapistId);
    }

    /// <summary>Recomputes every rule for one posted start, reading the bookings around it.</summary>
    public async Task<SlotProblem> CheckAsync(Schedule schedule, int treatmentId, int? therapistId, DateTime startUtc, int? excludingBookingId = null, CancellationToken cancellationToken = default)
    {
        var bookings = await BookingsAsync(startUtc.AddDays(-1), startUtc.AddDays(1), therapistId, excludingBookingId, cancellationToken);
        return calculator.Check(schedule, bookings, clock.GetUtcNow().UtcDateTime, treatmentId, therapistId, startUtc);
    }

    /// <summary>Every rule one therapist's start breaks (<see cref="AvailabilityCalculator.Broken"/>), reading the bookings around it.</summary>
    public async Task<IReadOnlyList<BookingRule>> BrokenAsync(Schedule schedule, int treatmentId, int therapistId, DateTime startUtc, int? excludingBookingId = null, CancellationToken cancellationToken = default)
    {
        var bookings = await BookingsAsync(startUtc.AddDays(-1), startUtc.AddDays(1), therapistId, excludingBookingId, cancellationToken);
        return calculator.Broken(schedule, bookings, clock.GetUtcNow().UtcDateTime, treatmentId, therapistId, startUtc);
    }

    /// <summary>The free hour starting at <paramref name="startUtc"/> with every therapist free for it (for "no preference").</summary>
    public async Task<Slot?> SlotAtAsync(Schedule schedule, int treatmentId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var date = calculator.LocalDate(startUtc);
        var bookings = await BookingsAsync(startUtc.AddDays(-1), startUtc.AddDays(1), null, null, cancellationToken);
        return calculator.FreeSlots(schedule, bookings, clock.GetUtcNow().UtcDateTime, treatmentId, null, date, date).FirstOrDefault(s => s.StartUtc == startUtc);
    }

    /// <summary>
    /// Active bookings (and live waitlist holds) touching [fromUtc, toUtc]. Every booking is exactly one hour, so "ends after from"
    /// is "starts after from minus an hour": a range on the start index, whatever the table's size.
    /// </summary>
    public async Task<IReadOnlyList<BusyRange>> BookingsAsync(DateTime fromUtc, DateTime toUtc, int? therapistId, int? excludingBookingId, CancellationToken cancellationToken)
    {
        var gap = options.Value.Changeover;
        var earliestStart = fromUtc - TreatmentLength.Duration - gap;
        var latestStart = toUtc + TreatmentLength.Duration + gap;
        var busy = await ActiveBetween.For(db)(db, earliestStart, latestStart, therapistId, excludingBookingId, clock.GetUtcNow().UtcDateTime).ToListAsync(cancellationToken);
        for (var i = 0; i < busy.Count; i++)
        {
            // Only a hold ends where it starts: every booking is exactly one hour (the database refuses any other).
            if (busy[i].EndUtc == busy[i].StartUtc)
            {
                busy[i] = busy[i] with { EndUtc = TreatmentLength.EndOf(busy[i].StartUtc) };
            }
        }
        return busy;
    }
}
