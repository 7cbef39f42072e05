using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// The site's clock stands at Monday 08:00: bookings before that hour have started, later ones have not.
/// Each test takes its own therapist and hour (Priya, 3, and James, 2, are free of the other admin tests here).
/// </summary>
public sealed class BookingStatusTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task Arrived_and_no_show_are_refused_before_the_start_and_accepted_once_it_has_come()
    {
        var later = await site.AddBookingAsync("2026-12-07T09:00Z", therapistId: 2, email: "early@example.com");
        var started = await site.AddBookingAsync("2026-12-07T07:00Z", therapistId: 2, email: "started@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await reception.FollowAsync(await reception.PostOnBookingAsync(later, "mark/arrived", new() { ["version"] = "0" }));
        var noShow = await reception.FollowAsync(await reception.PostOnBookingAsync(later, "mark/no-show", new() { ["version"] = "0" }));
        await reception.PostOnBookingAsync(started, "mark/arrived", new() { ["version"] = "0" });

        Assert.Contains("The booking starts at Mon 7 Dec, 09:00: it can be marked arrived from then.", refused, StringComparison.Ordinal);
        Assert.Contains("it can be marked no-show from then.", noShow, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, (await site.BookingAsync(later)).Status);
        Assert.Equal(BookingStatus.Arrived, (await site.BookingAsync(started)).Status);
        Assert.DoesNotContain("Mark arrived", refused, StringComparison.Ordinal);
        Assert.Contains("Mark late cancellation", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_late_cancellation_is_refused_once_the_booking_has_started_and_accepted_before()
    {
        var started = await site.AddBookingAsync("2026-12-07T07:30Z", therapistId: 3, email: "toolate@example.com");
        var tomorrow = await site.AddBookingAsync("2026-12-08T10:00Z", therapistId: 3, email: "phoned@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await reception.FollowAsync(await reception.PostOnBookingAsync(started, "mark/late-cancellation", new() { ["version"] = "0" }));
        await reception.PostOnBookingAsync(tomorrow, "mark/late-cancellation", new() { ["version"] = "0" });

        Assert.Contains("The booking started at Mon 7 Dec, 07:30, so it cannot be a late cancellation now: mark it arrived or no-show.", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark late cancellation", refused, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, (await site.BookingAsync(started)).Status);
        Assert.Equal(BookingStatus.LateCancellation, (await site.BookingAsync(tomorrow)).Status);
    }

    [Fact]
    public async Task A_mark_is_undone_the_same_day_back_to_booked_with_the_history_and_audit_log_saying_who()
    {
        var id = await site.AddBookingAsync("2026-12-07T06:00Z", therapistId: 3, email: "mistake@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        await reception.PostOnBookingAsync(id, "mark/no-show", new() { ["version"] = "0" });

        var page = await reception.FollowAsync(await reception.PostOnBookingAsync(id, "mark/undo", new() { ["version"] = "1" }));

        var booking = await site.BookingAsync(id);
        Assert.Equal(BookingStatus.Booked, booking.Status);
        Assert.Contains("Undid the mark no-show: booked again.", page, StringComparison.Ordinal);
        Assert.Equal("Reception Tester", booking.Changes.OrderBy(c => c.Id).Last().By);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "booking.undo-mark" && e.Subject == booking.Reference)));
        Assert.Contains("Mark arrived", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undoing_a_late_cancellation_books_the_hour_again_and_sends_the_client_a_confirmation()
    {
        var id = await site.AddBookingAsync("2026-12-09T10:00Z", therapistId: 2, email: "changed-mind@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        await reception.PostOnBookingAsync(id, "mark/late-cancellation", new() { ["version"] = "0" });

        await reception.PostOnBookingAsync(id, "mark/undo", new() { ["version"] = "1" });

        var booking = await site.BookingAsync(id);
        Assert.Equal(BookingStatus.Booked, booking.Status);
        var kinds = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.BookingId == id && m.ToAddress == "changed-mind@example.com").OrderBy(m => m.Id).Select(m => m.Kind).ToListAsync());
        Assert.Equal([EmailKind.Cancelled, EmailKind.Confirmation], kinds);
    }

    [Fact]
    public async Task A_mark_cannot_be_undone_the_next_day()
    {
        using var own = BookingSite.At(BookingSite.Monday);
        var id = await own.AddBookingAsync("2026-12-07T07:00Z", therapistId: 2, email: "yesterday@example.com");
        var (reception, _) = await own.SignedInAsAsync("Reception");
        await reception.PostOnBookingAsync(id, "mark/arrived", new() { ["version"] = "0" });
        own.Clock.Advance(TimeSpan.FromDays(1));
        (reception, _) = await own.SignedInAsAsync("Reception");

        var page = await reception.FollowAsync(await reception.PostOnBookingAsync(id, "mark/undo", new() { ["version"] = "1" }));

        Assert.Contains("a mark can be undone only on the day it was made", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Undo arrived", page, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Arrived, (await own.BookingAsync(id)).Status);
    }

    [Fact]
    public async Task The_staff_reason_for_a_cancellation_never_reaches_an_email_and_the_message_to_the_client_does()
    {
        var id = await site.AddBookingAsync("2026-12-10T10:00Z", therapistId: 3, email: "split@example.com");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        await owner.PostOnBookingAsync(id, "cancel", new()
        {
            ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Double-booked the room by mistake", ["Cancel.Message"] = "Sarah is unwell; we are sorry.",
        });

        var emails = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.BookingId == id).ToListAsync());
        var toClient = Assert.Single(emails, m => m.Kind == EmailKind.Cancelled);
        Assert.Contains("Sarah is unwell; we are sorry.", toClient.TextBody, StringComparison.Ordinal);
        Assert.Contains("Sarah is unwell; we are sorry.", System.Net.WebUtility.HtmlDecode(toClient.HtmlBody), StringComparison.Ordinal);
        Assert.All(emails, m => Assert.DoesNotContain("Double-booked the room", m.Subject + m.TextBody + m.HtmlBody, StringComparison.Ordinal));
        Assert.Contains((await site.BookingAsync(id)).Changes, c => c.What.Contains("Double-booked the room by mistake", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_booking_shows_no_status_actions_and_no_areas_worked_form()
    {
        var id = await site.AddBookingAsync("2026-12-11T10:00Z", therapistId: 3, email: "gone@example.com");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        await owner.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Clinic closed" });

        var page = await owner.GetStringAsync($"/admin/bookings/{id}");

        Assert.DoesNotContain("/mark/", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/worked", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Cancel booking", page, StringComparison.Ordinal);
        Assert.Contains("Cancelled: nothing more to mark.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_status_actions_come_before_the_details_and_the_body_map()
    {
        var id = await site.AddBookingAsync("2026-12-07T05:00Z", therapistId: 3, email: "top@example.com");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var page = await owner.GetStringAsync($"/admin/bookings/{id}");

        var actions = page.IndexOf($"/admin/bookings/{id}/mark/arrived", StringComparison.Ordinal);
        Assert.InRange(actions, 0, page.IndexOf("<dl class=\"details\">", StringComparison.Ordinal));
        Assert.True(actions < page.IndexOf("Where the client feels it", StringComparison.Ordinal));
    }
}
