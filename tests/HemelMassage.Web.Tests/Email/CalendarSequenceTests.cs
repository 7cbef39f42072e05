using HemelMassage.Web.Tests.Support;
using Ical.Net;

namespace HemelMassage.Web.Tests.Email;

[Trait("Database", "Both")]
public sealed class CalendarSequenceTests
{
    [Fact]
    public async Task Book_reschedule_cancel_updates_one_calendar_entry_with_rising_sequence_and_then_cancels_it()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        var booked = Notices.Booking();
        var moved = booked with { StartUtc = booked.StartUtc.AddDays(1), EndUtc = booked.EndUtc.AddDays(1), CalendarSequence = 1 };

        site.Notify((n, db) => n.Booked(db, booked));
        await site.DispatchUntilIdleAsync();
        site.Notify((n, db) => n.Rescheduled(db, moved, booked.StartUtc));
        await site.DispatchUntilIdleAsync();
        site.Notify((n, db) => n.Cancelled(db, moved, "Therapist unwell", byClinic: true));
        await site.DispatchUntilIdleAsync();

        var toClient = smtp.Messages.Where(m => m.To.Mailboxes.Single().Address == "ann@example.com").ToList();
        Assert.Equal(3, toClient.Count);
        var calendars = toClient.Select(m => Calendar.Load(ConfirmationEmailTests.Ics(m))!).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
        Assert.Equal([0, 1, 2], calendars.Select(c => c.Events.Single().Sequence));
        Assert.Single(calendars.Select(c => c.Events.Single().Uid).Distinct());
        Assert.Equal(moved.StartUtc, calendars[1].Events.Single().DtStart!.AsUtc);
        Assert.Equal("CANCELLED", calendars[2].Events.Single().Status);

        Assert.Contains("Booking moved", toClient[1].Subject, StringComparison.Ordinal);
        Assert.Contains("Wednesday 2 December 2026 at 10:00", toClient[1].TextBody, StringComparison.Ordinal);
        Assert.Contains("Booking cancelled", toClient[2].Subject, StringComparison.Ordinal);
        Assert.Contains("A message from the clinic: Therapist unwell", toClient[2].TextBody, StringComparison.Ordinal);
        Assert.Contains("we have had to cancel", toClient[2].TextBody, StringComparison.Ordinal);
    }
}
