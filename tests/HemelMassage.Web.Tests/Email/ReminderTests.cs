using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Email;

[Trait("Database", "Both")]
public sealed class ReminderTests
{
    // Monday 30 November 2026, 10:00 in London (GMT); the bookings below are on Tuesday 1 December.
    private static readonly DateTime Tomorrow = new(2026, 12, 1, 14, 0, 0, DateTimeKind.Utc);

    private static EmailSite Site(TestSmtpServer smtp, FakeBookings bookings) =>
        new(smtp.Port, f => f.WithServices(s => s.AddScoped<IReminderSource>(_ => bookings)));

    private static ReminderScheduler Reminders(EmailSite site) => site.Factory.Services.GetRequiredService<ReminderScheduler>();

    [Fact]
    public async Task A_reminder_goes_out_once_from_the_reminder_hour_on_the_day_before()
    {
        await using var smtp = new TestSmtpServer();
        var bookings = new FakeBookings();
        using var site = Site(smtp, bookings);
        bookings.Active.Add(Notices.Booking(startUtc: Tomorrow));

        Assert.Equal(0, await Reminders(site).QueueDueRemindersAsync());   // 10:00: too early
        site.Clock.Advance(TimeSpan.FromHours(8));                  // 18:00
        Assert.Equal(1, await Reminders(site).QueueDueRemindersAsync());
        Assert.Equal(0, await Reminders(site).QueueDueRemindersAsync());
        await site.DispatchUntilIdleAsync();

        var reminder = Assert.Single(smtp.Messages);
        Assert.StartsWith("See you tomorrow: Tue 1 Dec, 14:00", reminder.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await Reminders(site).QueueDueRemindersAsync());
    }

    [Fact]
    public async Task A_cancelled_booking_gets_no_reminder_even_one_already_queued()
    {
        await using var smtp = new TestSmtpServer();
        var bookings = new FakeBookings();
        using var site = Site(smtp, bookings);
        var notice = Notices.Booking(startUtc: Tomorrow);
        bookings.Active.Add(notice);
        site.Clock.Advance(TimeSpan.FromHours(9));
        await Reminders(site).QueueDueRemindersAsync();

        bookings.Active.Clear();
        site.Notify((n, db) => n.Cancelled(db, notice, message: null, byClinic: false));
        Assert.Equal(0, await Reminders(site).QueueDueRemindersAsync());
        await site.DispatchUntilIdleAsync();

        Assert.Equal(OutboxStatus.Cancelled, site.Rows().Single(r => r.Kind == EmailKind.Reminder).Status);
        Assert.StartsWith("Booking cancelled", Assert.Single(smtp.Messages).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_moved_booking_is_reminded_of_its_new_time_not_its_old_one()
    {
        await using var smtp = new TestSmtpServer();
        var bookings = new FakeBookings();
        using var site = Site(smtp, bookings);
        var notice = Notices.Booking(startUtc: Tomorrow);
        var moved = notice with { StartUtc = Tomorrow.AddHours(2), EndUtc = Tomorrow.AddHours(3), CalendarSequence = 1 };
        bookings.Active.Add(notice);
        site.Clock.Advance(TimeSpan.FromHours(9));
        await Reminders(site).QueueDueRemindersAsync();

        bookings.Active[0] = moved;
        site.Notify((n, db) => n.Rescheduled(db, moved, notice.StartUtc));
        Assert.Equal(1, await Reminders(site).QueueDueRemindersAsync());
        await site.DispatchUntilIdleAsync();

        var reminders = smtp.Messages.Where(m => m.Subject?.StartsWith("See you tomorrow", StringComparison.Ordinal) == true).ToList();
        Assert.Contains("16:00", Assert.Single(reminders).Subject ?? "", StringComparison.Ordinal);
    }

    private sealed class FakeBookings : IReminderSource
    {
        public List<BookingNotice> Active { get; } = [];

        public Task<IReadOnlyList<BookingNotice>> ActiveBookingsStartingAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<BookingNotice>>(Active.Where(b => b.StartUtc >= fromUtc && b.StartUtc < toUtc).ToList());
    }
}
