using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Tests.Booking;

public sealed class AvailabilityCalculatorTests
{
    private static readonly BookingOptions NightAndDay = new() { FirstStart = new TimeOnly(0, 0), Changeover = TimeSpan.Zero, MinimumNotice = TimeSpan.Zero, MaximumWindow = TimeSpan.FromDays(730) };

    private static Schedule OneTherapist(params WeeklyRange[] hours) =>
        new([new TherapistSchedule(1, "Sarah", "", new HashSet<int> { 1 }, hours, [])], [], [new TreatmentChoice(1, "deep-tissue", "Deep tissue", "", 6000)]);

    private static IReadOnlyList<Slot> Sunday(DateOnly date) =>
        new AvailabilityCalculator(NightAndDay).FreeSlots(
            OneTherapist(new WeeklyRange(DayOfWeek.Sunday, new TimeOnly(0, 0), new TimeOnly(6, 0))), [],
            new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), 1, null, date, date);

    [Fact]
    public void On_the_spring_forward_Sunday_no_hour_starts_at_a_local_time_that_does_not_exist()
    {
        var slots = Sunday(new DateOnly(2026, 3, 29));

        Assert.DoesNotContain(slots, s => s.LocalStart.Hour == 1);
        Assert.Equal(slots.Count, slots.Select(s => s.StartUtc).Distinct().Count());
        var two = Assert.Single(slots, s => s.LocalStart == new TimeOnly(2, 0));
        Assert.Equal(new DateTime(2026, 3, 29, 1, 0, 0), two.StartUtc);
        Assert.All(slots, s => Assert.Equal(TreatmentLength.Duration, s.EndUtc - s.StartUtc));
        // 00:30 GMT ends at 02:30 BST: still one real hour.
        Assert.Equal(new TimeOnly(2, 30), Assert.Single(slots, s => s.LocalStart == new TimeOnly(0, 30)).LocalEnd);
    }

    [Fact]
    public void On_the_fall_back_Sunday_the_repeated_hour_is_offered_once()
    {
        var slots = Sunday(new DateOnly(2026, 10, 25));

        var one = Assert.Single(slots, s => s.LocalStart == new TimeOnly(1, 0));
        Assert.Equal(new DateTime(2026, 10, 25, 0, 0, 0), one.StartUtc);
        Assert.Single(slots, s => s.LocalStart == new TimeOnly(1, 30));
        Assert.Equal(slots.Count, slots.Select(s => s.StartUtc).Distinct().Count());
        Assert.Equal(new DateTime(2026, 10, 25, 2, 0, 0), Assert.Single(slots, s => s.LocalStart == new TimeOnly(2, 0)).StartUtc);
    }

    [Theory]
    [InlineData(2026, 3, 29, 8)]
    [InlineData(2026, 10, 25, 9)]
    [InlineData(2027, 3, 28, 8)]
    [InlineData(2027, 10, 31, 9)]
    public void Nine_in_the_morning_on_a_clock_change_Sunday_is_the_right_instant(int year, int month, int day, int utcHour)
    {
        var date = new DateOnly(year, month, day);
        var calculator = new AvailabilityCalculator(new BookingOptions { MinimumNotice = TimeSpan.Zero, MaximumWindow = TimeSpan.FromDays(730) });

        var first = calculator.FreeSlots(OneTherapist(new WeeklyRange(DayOfWeek.Sunday, new TimeOnly(9, 0), new TimeOnly(12, 0))), [],
            new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 1, null, date, date)[0];

        Assert.Equal(new DateTime(year, month, day, utcHour, 0, 0), first.StartUtc);
        Assert.Equal(new TimeOnly(9, 0), first.LocalStart);
    }

    [Fact]
    public void An_hour_must_fit_inside_one_working_range_and_keep_the_changeover_after_a_booking()
    {
        var options = new BookingOptions { MinimumNotice = TimeSpan.Zero, MaximumWindow = TimeSpan.FromDays(730) };
        var schedule = OneTherapist(new WeeklyRange(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 30)), new WeeklyRange(DayOfWeek.Monday, new TimeOnly(13, 30), new TimeOnly(15, 0)));
        var booked = new BusyRange(1, new DateTime(2026, 12, 7, 9, 0, 0), new DateTime(2026, 12, 7, 10, 0, 0));

        var starts = new AvailabilityCalculator(options).FreeSlots(schedule, [booked], new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), 1, null,
            new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 7)).Select(s => s.LocalStart.ToString("HH:mm", null));

        Assert.Equal(["10:30", "11:00", "11:30", "13:30", "14:00"], starts);
    }

    [Fact]
    public void No_preference_pools_therapists_so_an_hour_is_offered_when_any_one_is_free()
    {
        var hours = new[] { new WeeklyRange(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(10, 0)) };
        var schedule = new Schedule(
            [new TherapistSchedule(1, "Sarah", "", new HashSet<int> { 1 }, hours, []), new TherapistSchedule(2, "James", "", new HashSet<int> { 1 }, hours, [])],
            [], [new TreatmentChoice(1, "deep-tissue", "Deep tissue", "", 6000)]);
        var sarahBusy = new BusyRange(1, new DateTime(2026, 12, 7, 9, 0, 0), new DateTime(2026, 12, 7, 10, 0, 0));
        var monday = new DateOnly(2026, 12, 7);

        var slot = Assert.Single(new AvailabilityCalculator(new BookingOptions()).FreeSlots(schedule, [sarahBusy], new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), 1, null, monday, monday));

        Assert.Equal([2], slot.TherapistIds);
    }
}
