namespace HemelMassage.Web.Bookings;

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
        int treatmentId, int? therapistId, DateOnly from, DateOnly to) =>
        Slots(schedule, new BusyIndex(bookings), Therapists(schedule, treatmentId, therapistId), nowUtc, from, to);

    /// <summary>
    /// What a times page shows, from now to the end of the window: the dates with a free hour, found by
    /// stopping each day's search at its first free hour, and every hour of only the days asked for.
    /// Gives what <see cref="FreeSlots"/> over the whole window gives, at a fraction of the work.
    /// </summary>
    public FreeTimes Times(Schedule schedule, IReadOnlyCollection<BusyRange> bookings, DateTime nowUtc, int treatmentId, int? therapistId)
    {
        var (from, to) = Dates(nowUtc);
        var busy = new BusyIndex(bookings);
        var therapists = Therapists(schedule, treatmentId, therapistId);
        var dates = new List<DateOnly>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (FreeStarts(schedule, busy, therapists, nowUtc, date).Any())
            {
                dates.Add(date);
            }
        }
        return new FreeTimes(dates, day => Slots(schedule, busy, therapists, nowUtc, day, day));
    }

    private List<Slot> Slots(Schedule schedule, BusyIndex busy, List<TherapistSchedule> therapists, DateTime nowUtc, DateOnly from, DateOnly to)
    {
        var slots = new Dictionary<DateTime, Slot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            foreach (var (therapist, startUtc, local, localEnd) in FreeStarts(schedule, busy, therapists, nowUtc, date))
            {
                slots[startUtc] = slots.TryGetValue(startUtc, out var pooled)
                    ? pooled with { TherapistIds = [.. pooled.TherapistIds, therapist] }
                    : new Slot(startUtc, date, local, localEnd, [therapist]);
            }
        }
        var free = slots.Values.ToList();
        free.Sort((a, b) => a.StartUtc.CompareTo(b.StartUtc));
        return free;
    }

    private static List<TherapistSchedule> Therapists(Schedule schedule, int treatmentId, int? therapistId) =>
        [.. schedule.Giving(treatmentId).Where(t => therapistId is null || t.Id == therapistId)];

    /// <summary>Each therapist's free starts on one date, in the order of the therapists and their hours.</summary>
    private IEnumerable<(int Therapist, DateTime StartUtc, TimeOnly Local, TimeOnly LocalEnd)> FreeStarts(
        Schedule schedule, BusyIndex busy, List<TherapistSchedule> therapists, DateTime nowUtc, DateOnly date)
    {
        if (schedule.IsClosed(date))
        {
            yield break;
        }
        var earliest = nowUtc + options.MinimumNotice;
        var latest = nowUtc + options.MaximumWindow;
        // Most days keep one UTC offset from midnight to midnight: then a local time is the UTC time plus
        // that offset, with no time-zone lookup per hour. The two clock-change Sundays take the exact path.
        var steadyOffset = SteadyOffset(date);
        foreach (var therapist in therapists)
        {
            foreach (var range in therapist.Hours)
            {
                if (range.Day != date.DayOfWeek)
                {
                    continue;
                }
                foreach (var local in GridStarts(range.Start))
                {
                    DateTime startUtc;
                    DateTime localEnd;
                    if (steadyOffset is { } offset)
                    {
                        var localStart = date.ToDateTime(local);
                        localEnd = localStart + TreatmentLength.Duration;
                        if (DateOnly.FromDateTime(localEnd) != date || TimeOnly.FromDateTime(localEnd) > range.End)
                        {
                            break; // every later start on the grid ends later still
                        }
                        startUtc = DateTime.SpecifyKind(localStart - offset, DateTimeKind.Utc);
                    }
                    else
                    {
                        if (!TryToUtc(date, local, out startUtc))
                        {
                            continue;
                        }
                        localEnd = ToLocal(TreatmentLength.EndOf(startUtc));
                        if (DateOnly.FromDateTime(localEnd) != date || TimeOnly.FromDateTime(localEnd) > range.End)
                        {
                            continue;
                        }
                    }
                    var endUtc = TreatmentLength.EndOf(startUtc);
                    if (startUtc < earliest || startUtc > latest
                        || Overlaps(therapist.TimeOff, startUtc, endUtc, TimeSpan.Zero)
                        || busy.Overlaps(therapist.Id, startUtc, endUtc, options.Changeover))
                    {
                        continue;
                    }
                    yield return (therapist.Id, startUtc, local, TimeOnly.FromDateTime(localEnd));
                }
            }
        }
    }

    /// <summary>The date's UTC offset when it is the same all day (no clock change), else null.</summary>
    private TimeSpan? SteadyOffset(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var nextMidnight = midnight.AddDays(1);
        if (_zone.IsInvalidTime(midnight) || _zone.IsAmbiguousTime(midnight) || _zone.IsInvalidTime(nextMidnight) || _zone.IsAmbiguousTime(nextMidnight))
        {
            return null;
        }
        var offset = _zone.GetUtcOffset(midnight);
        return offset == _zone.GetUtcOffset(nextMidnight) ? offset : null;
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

    /// <summary>
    /// Every rule a start breaks for one therapist, each named, for staff who may book it anyway once they
    /// acknowledge each one. An overlapping booking is the caller's to refuse: it is never allowed.
    /// </summary>
    public IReadOnlyList<BookingRule> Broken(Schedule schedule, IReadOnlyCollection<BusyRange> bookings, DateTime nowUtc, int treatmentId, int therapistId, DateTime startUtc)
    {
        var broken = new List<BookingRule>();
        var local = ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        var endUtc = TreatmentLength.EndOf(startUtc);
        var localEnd = ToLocal(endUtc);
        if (!IsOnGrid(time) || !TryToUtc(date, time, out var roundTrip) || roundTrip != startUtc)
        {
            broken.Add(BookingRule.StartTimes);
        }
        if (startUtc < nowUtc)
        {
            broken.Add(BookingRule.Past);
        }
        else if (startUtc < nowUtc + options.MinimumNotice)
        {
            broken.Add(BookingRule.Notice);
        }
        if (startUtc > nowUtc + options.MaximumWindow)
        {
            broken.Add(BookingRule.Window);
        }
        if (schedule.IsClosed(date))
        {
            broken.Add(BookingRule.Closed);
        }
        if (schedule.Therapist(therapistId) is not { } therapist)
        {
            broken.Add(BookingRule.NotBookable);
            return broken;
        }
        if (!therapist.TreatmentIds.Contains(treatmentId))
        {
            broken.Add(BookingRule.Treatment);
        }
        if (!therapist.Hours.Any(r => r.Day == date.DayOfWeek && r.Start <= time && DateOnly.FromDateTime(localEnd) == date && TimeOnly.FromDateTime(localEnd) <= r.End))
        {
            broken.Add(BookingRule.Hours);
        }
        if (Overlaps(therapist.TimeOff, startUtc, endUtc, TimeSpan.Zero))
        {
            broken.Add(BookingRule.TimeOff);
        }
        if (new BusyIndex(bookings).Overlaps(therapistId, startUtc, endUtc, options.Changeover))
        {
            broken.Add(BookingRule.Changeover);
        }
        return broken;
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

    /// <summary>
    /// The bookings of each therapist sorted by start, with the latest end so far: "does any booking come
    /// within <c>gap</c> of this hour?" is one binary search instead of a walk over the whole window.
    /// </summary>
    private sealed class BusyIndex
    {
        private readonly Dictionary<int, (DateTime[] Starts, DateTime[] LatestEnds)> _byTherapist = [];

        public BusyIndex(IEnumerable<BusyRange> ranges)
        {
            foreach (var group in ranges.GroupBy(r => r.TherapistId))
            {
                var sorted = group.OrderBy(r => r.StartUtc).ToArray();
                var starts = new DateTime[sorted.Length];
                var latestEnds = new DateTime[sorted.Length];
                for (var i = 0; i < sorted.Length; i++)
                {
                    starts[i] = sorted[i].StartUtc;
                    latestEnds[i] = i == 0 || sorted[i].EndUtc > latestEnds[i - 1] ? sorted[i].EndUtc : latestEnds[i - 1];
                }
                _byTherapist[group.Key] = (starts, latestEnds);
            }
        }

        /// <summary>The same answer as <see cref="AvailabilityCalculator.Overlaps"/> over the therapist's bookings.</summary>
        public bool Overlaps(int therapistId, DateTime startUtc, DateTime endUtc, TimeSpan gap)
        {
            if (!_byTherapist.TryGetValue(therapistId, out var therapist))
            {
                return false;
            }
            // The bookings starting before endUtc + gap are a prefix of the sorted list; one of them comes
            // within the gap exactly when the latest end among them does.
            var limit = endUtc + gap;
            int low = 0, high = therapist.Starts.Length;
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (therapist.Starts[middle] < limit)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }
            return low > 0 && therapist.LatestEnds[low - 1] + gap > startUtc;
        }
    }
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

/// <summary>The dates with free hours in the booking window, and the free hours of any one of them.</summary>
public sealed class FreeTimes(IReadOnlyList<DateOnly> dates, Func<DateOnly, IReadOnlyList<Slot>> on)
{
    private readonly Dictionary<DateOnly, IReadOnlyList<Slot>> _days = [];

    public IReadOnlyList<DateOnly> Dates { get; } = dates;

    /// <summary>The free hours of one date, earliest first (none for a date missing from <see cref="Dates"/>).</summary>
    public IReadOnlyList<Slot> On(DateOnly date)
    {
        if (!Dates.Contains(date))
        {
            return [];
        }
        if (!_days.TryGetValue(date, out var slots))
        {
            _days[date] = slots = on(date);
        }
        return slots;
    }

    /// <summary>The earliest free hour of the window.</summary>
    public Slot? Next => Dates.Count > 0 ? On(Dates[0])[0] : null;
}
