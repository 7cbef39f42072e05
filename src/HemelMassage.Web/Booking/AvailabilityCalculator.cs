namespace HemelMassage.Web.Booking;

/// <summary>
/// Works out the free hours: weekly hours (local, breaks between ranges) minus closures, time off and
/// active bookings plus changeover, on the start-time grid, between the minimum notice and the maximum
/// window. Pure: no database, no clock; both clock-change Sundays are handled by <see cref="TimeZoneInfo"/>.
/// </summary>
public sealed class AvailabilityCalculator(BookingOptions options)
{
    private readonly TimeZoneInfo _zone = options.Zone;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, _zone);

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public (DateOnly From, DateOnly To) Dates(DateTime nowUtc) =>
        (LocalDate(nowUtc + options.MinimumNotice), LocalDate(nowUtc + options.MaximumWindow));

    public IReadOnlyList<Slot> FreeSlots(
        Schedule schedule, IReadOnlyCollection<BusyRange> bookings, DateTime nowUtc,
        int treatmentId, int? therapistId, DateOnly from, DateOnly to)
    {
        var earliest = nowUtc + options.MinimumNotice;
        var latest = nowUtc + options.MaximumWindow;
        var busy = bookings.ToLookup(b => b.TherapistId);
        var therapists = schedule.Giving(treatmentId).Where(t => therapistId is null || t.Id == therapistId).ToList();
        var slots = new SortedDictionary<DateTime, Slot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (schedule.IsClosed(date))
            {
                continue;
            }
            foreach (var therapist in therapists)
            {
                foreach (var range in therapist.Hours.Where(h => h.Day == date.DayOfWeek))
                {
                    foreach (var local in GridStarts(range.Start))
                    {
                        if (!TryToUtc(date, local, out var startUtc) || startUtc < earliest || startUtc > latest)
                        {
                            continue;
                        }
                        var endUtc = TreatmentLength.EndOf(startUtc);
                        var localEnd = ToLocal(endUtc);
                        if (DateOnly.FromDateTime(localEnd) != date || TimeOnly.FromDateTime(localEnd) > range.End
                            || Overlaps(therapist.TimeOff, startUtc, endUtc, TimeSpan.Zero)
                            || Overlaps(busy[therapist.Id], startUtc, endUtc, options.Changeover))
                        {
                            continue;
                        }
                        slots[startUtc] = slots.TryGetValue(startUtc, out var pooled)
                            ? pooled with { TherapistIds = [.. pooled.TherapistIds, therapist.Id] }
                            : new Slot(startUtc, date, local, TimeOnly.FromDateTime(localEnd), [therapist.Id]);
                    }
                }
            }
        }
        return [.. slots.Values];
    }

    /// <summary>Why a posted start cannot be booked, recomputed from scratch; <see cref="SlotProblem.None"/> when it can.</summary>
    public SlotProblem Check(Schedule schedule, IReadOnlyCollection<BusyRange> bookings, DateTime nowUtc, int treatmentId, int? therapistId, DateTime startUtc)
    {
        var local = ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (!IsOnGrid(time) || !TryToUtc(date, time, out var roundTrip) || roundTrip != startUtc)
        {
            return SlotProblem.OffGrid;
        }
        if (startUtc < nowUtc + options.MinimumNotice)
        {
            return SlotProblem.TooSoon;
        }
        if (startUtc > nowUtc + options.MaximumWindow)
        {
            return SlotProblem.TooFar;
        }
        if (schedule.IsClosed(date))
        {
            return SlotProblem.Closed;
        }
        bool Offered(IReadOnlyCollection<BusyRange> taken) =>
            FreeSlots(schedule, taken, nowUtc, treatmentId, therapistId, date, date).Any(s => s.StartUtc == startUtc);
        return Offered(bookings) ? SlotProblem.None : Offered([]) ? SlotProblem.Taken : SlotProblem.NotWorking;
    }

    private IEnumerable<TimeOnly> GridStarts(TimeOnly rangeStart)
    {
        var step = (int)options.SlotInterval.TotalMinutes;
        for (var minute = options.FirstStart.Hour * 60 + options.FirstStart.Minute; minute < 24 * 60; minute += step)
        {
            var time = new TimeOnly(minute / 60, minute % 60);
            if (time >= rangeStart)
            {
                yield return time;
            }
        }
    }

    private bool IsOnGrid(TimeOnly time)
    {
        var offset = (time - options.FirstStart).TotalMinutes;
        return time >= options.FirstStart && time.Second == 0 && time.Millisecond == 0
            && offset % options.SlotInterval.TotalMinutes == 0;
    }

    /// <summary>
    /// A local wall-clock time that does not exist (spring forward) gives no slot; one that happens
    /// twice (fall back) is taken at its first occurrence only, so no hour is offered twice.
    /// </summary>
    private bool TryToUtc(DateOnly date, TimeOnly time, out DateTime utc)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        utc = default;
        if (_zone.IsInvalidTime(local))
        {
            return false;
        }
        var offset = _zone.IsAmbiguousTime(local) ? _zone.GetAmbiguousTimeOffsets(local).Max() : _zone.GetUtcOffset(local);
        utc = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }

    private static bool Overlaps(IEnumerable<BusyRange> ranges, DateTime startUtc, DateTime endUtc, TimeSpan gap) =>
        ranges.Any(r => r.StartUtc < endUtc + gap && r.EndUtc + gap > startUtc);
}

public enum SlotProblem
{
    None,
    OffGrid,
    TooSoon,
    TooFar,
    Closed,
    NotWorking,
    Taken,
}
