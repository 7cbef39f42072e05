using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The calculator skips time-zone lookups on days without a clock change and finds clashes by binary
/// search. Here it must give exactly the hours that the plain rule gives (every grid start converted through
/// the time zone, every booking compared), on random clinics over both clock changes of 2026.
/// No database: it compares two calculations in memory, so CI does not run it again on PostgreSQL.
/// </summary>
public sealed class FreeSlotsEquivalenceTests
{
    [Fact]
    public void The_fast_calculator_and_the_times_pages_shortcut_offer_exactly_the_hours_the_plain_rule_offers_on_random_clinics_over_both_clock_changes()
    {
        var random = new Random(20261128);
        var compared = 0;
        for (var round = 0; round < 300; round++)
        {
            var options = new BookingOptions
            {
                FirstStart = new TimeOnly(random.Next(0, 10), random.Next(0, 4) * 15),
                SlotInterval = TimeSpan.FromMinutes(new[] { 15, 30, 60, 45 }[random.Next(4)]),
                Changeover = TimeSpan.FromMinutes(random.Next(0, 5) * 15),
                MinimumNotice = TimeSpan.FromHours(random.Next(0, 4)),
                MaximumWindow = TimeSpan.FromDays(random.Next(1, 40)),
            };
            var season = random.Next(2) == 0 ? new DateTime(2026, 3, 15, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc);
            var now = season.AddMinutes(random.Next(0, 20 * 24 * 60));
            var schedule = RandomSchedule(random, now);
            var bookings = RandomBookings(random, schedule, now);
            var calculator = new AvailabilityCalculator(options);
            var (from, to) = calculator.Dates(now);
            foreach (var therapist in new int?[] { null, 1, 2, 3 })
            {
                var expected = PlainRule(options, schedule, bookings, now, 1, therapist, from, to);
                var actual = calculator.FreeSlots(schedule, bookings, now, 1, therapist, from, to);
                Assert.Equal(Describe(expected), Describe(actual));
                // The times page's shortcut: each day's search stops at its first free hour.
                var times = calculator.Times(schedule, bookings, now, 1, therapist);
                Assert.Equal(expected.Select(s => s.LocalDate).Distinct(), times.Dates);
                Assert.Equal(Describe(expected), Describe([.. times.Dates.SelectMany(times.On)]));
                Assert.Equal(expected.FirstOrDefault()?.StartUtc, times.Next?.StartUtc);
                compared += expected.Count;
            }
        }
        Assert.True(compared > 10_000, $"only {compared} hours compared: the random clinics are too empty to prove anything");
    }

    private static Schedule RandomSchedule(Random random, DateTime now)
    {
        var therapists = new List<TherapistSchedule>();
        for (var id = 1; id <= 3; id++)
        {
            var hours = new List<WeeklyRange>();
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                var start = random.Next(0, 30);
                while (start < 44 && random.Next(4) != 0)
                {
                    var end = Math.Min(48, start + random.Next(2, 18));
                    hours.Add(new WeeklyRange(day, Half(start), end == 48 ? new TimeOnly(23, 59) : Half(end)));
                    start = end + random.Next(1, 6);
                }
            }
            var timeOff = Enumerable.Range(0, random.Next(0, 3))
                .Select(_ => now.AddHours(random.Next(0, 24 * 30)))
                .Select(s => new BusyRange(id, s, s.AddHours(random.Next(1, 30))))
                .ToList();
            therapists.Add(new TherapistSchedule(id, $"T{id}", "", new HashSet<int> { 1 }, hours, timeOff));
        }
        var closureStart = DateOnly.FromDateTime(now).AddDays(random.Next(0, 30));
        ClosureDates[] closures = random.Next(3) == 0 ? [new ClosureDates(closureStart, closureStart.AddDays(random.Next(0, 3)))] : [];
        return new Schedule(therapists, closures, [new TreatmentChoice(1, "deep-tissue", "Deep tissue", "", 6000)]);
    }

    private static List<BusyRange> RandomBookings(Random random, Schedule schedule, DateTime now) =>
        [.. Enumerable.Range(0, random.Next(0, 400)).Select(_ =>
        {
            var start = now.Date.AddMinutes(random.Next(-2 * 96, 45 * 96) * 15);
            return new BusyRange(random.Next(1, 4), start, start + TreatmentLength.Duration);
        })];

    private static TimeOnly Half(int halfHours) => new(halfHours / 2, halfHours % 2 * 30);

    private static List<string> Describe(IEnumerable<Slot> slots) =>
        [.. slots.Select(s => $"{s.StartUtc:O} {s.LocalDate} {s.LocalStart} {s.LocalEnd} [{string.Join(",", s.TherapistIds)}]")];

    /// <summary>The rule as first written: every grid start through the time zone, every booking compared.</summary>
    private static List<Slot> PlainRule(
        BookingOptions options, Schedule schedule, IReadOnlyCollection<BusyRange> bookings, DateTime nowUtc,
        int treatmentId, int? therapistId, DateOnly from, DateOnly to)
    {
        var zone = options.Zone;
        var earliest = nowUtc + options.MinimumNotice;
        var latest = nowUtc + options.MaximumWindow;
        var busy = bookings.ToLookup(b => b.TherapistId);
        var slots = new SortedDictionary<DateTime, Slot>();
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (schedule.IsClosed(date))
            {
                continue;
            }
            foreach (var therapist in schedule.Giving(treatmentId).Where(t => therapistId is null || t.Id == therapistId))
            {
                foreach (var range in therapist.Hours.Where(h => h.Day == date.DayOfWeek))
                {
                    var step = (int)options.SlotInterval.TotalMinutes;
                    for (var minute = options.FirstStart.Hour * 60 + options.FirstStart.Minute; minute < 24 * 60; minute += step)
                    {
                        var local = new TimeOnly(minute / 60, minute % 60);
                        if (local < range.Start)
                        {
                            continue;
                        }
                        var localStart = date.ToDateTime(local, DateTimeKind.Unspecified);
                        if (zone.IsInvalidTime(localStart))
                        {
                            continue;
                        }
                        var offset = zone.IsAmbiguousTime(localStart) ? zone.GetAmbiguousTimeOffsets(localStart).Max() : zone.GetUtcOffset(localStart);
                        var startUtc = DateTime.SpecifyKind(localStart - offset, DateTimeKind.Utc);
                        if (startUtc < earliest || startUtc > latest)
                        {
                            continue;
                        }
                        var endUtc = startUtc + TreatmentLength.Duration;
                        var localEnd = TimeZoneInfo.ConvertTimeFromUtc(endUtc, zone);
                        if (DateOnly.FromDateTime(localEnd) != date || TimeOnly.FromDateTime(localEnd) > range.End
                            || therapist.TimeOff.Any(r => r.StartUtc < endUtc && r.EndUtc > startUtc)
                            || busy[therapist.Id].Any(r => r.StartUtc < endUtc + options.Changeover && r.EndUtc + options.Changeover > startUtc))
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
}
