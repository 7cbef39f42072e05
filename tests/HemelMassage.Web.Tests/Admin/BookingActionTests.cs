using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class BookingActionTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task Reception_marks_a_booking_arrived_and_the_history_and_audit_log_say_who()
    {
        var id = await site.AddBookingAsync("2026-12-07T07:00Z", email: "arrive@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var page = await reception.FollowAsync(await reception.PostOnBookingAsync(id, "mark/arrived", new() { ["version"] = "0" }));

        Assert.Contains("Marked arrived", page, StringComparison.Ordinal);
        var booking = await site.BookingAsync(id);
        Assert.Equal(BookingStatus.Arrived, booking.Status);
        Assert.Equal("Reception Tester", booking.Changes.OrderBy(c => c.Id).Last().By);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "booking.arrived" && e.Subject == booking.Reference)));
    }

    [Fact]
    public async Task A_therapist_may_mark_their_own_booking_a_no_show_but_not_another_therapists()
    {
        var mine = await site.AddBookingAsync("2026-12-04T11:30Z", therapistId: 1, email: "noshow@example.com");
        var theirs = await site.AddBookingAsync("2026-12-04T11:30Z", therapistId: 3, email: "other@example.com");
        var sarah = await site.SignedInTherapistAsync(1);

        await sarah.PostOnBookingAsync(mine, "mark/no-show", new() { ["version"] = "0" });
        var refused = await sarah.PostFormAsync($"/admin/bookings/{mine}", $"/admin/bookings/{theirs}/mark/no-show", new() { ["version"] = "0" });

        Assert.Equal(BookingStatus.NoShow, (await site.BookingAsync(mine)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(BookingStatus.Booked, (await site.BookingAsync(theirs)).Status);
    }

    [Fact]
    public async Task Cancelling_with_a_reason_keeps_the_row_and_queues_the_clients_email()
    {
        var id = await site.AddBookingAsync("2026-12-15T10:00Z", email: "cancel@example.com");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var empty = await owner.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "" });
        Assert.Contains("Say why the booking is cancelled", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await owner.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Therapist ill" });

        var booking = await site.BookingAsync(id);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Contains(booking.Changes, c => c.What == "Cancelled by the clinic: Therapist ill");
        Assert.True(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == "cancel@example.com")));
    }

    [Fact]
    public async Task A_therapist_may_not_cancel_or_move_even_their_own_booking()
    {
        var id = await site.AddBookingAsync("2026-12-15T14:00Z", email: "therapist-cancel@example.com");
        var sarah = await site.SignedInTherapistAsync(1);

        var cancel = await sarah.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "x" });
        var move = await sarah.PostOnBookingAsync(id, "move", new() { ["Move.Version"] = "0", ["Move.TherapistId"] = "1", ["Move.Date"] = "2026-12-15", ["Move.Time"] = "15:00" });

        Assert.Equal(HttpStatusCode.Forbidden, cancel.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(BookingStatus.Booked, (await site.BookingAsync(id)).Status);
    }

    [Fact]
    public async Task A_stale_form_changes_nothing_and_says_the_booking_was_changed_meanwhile()
    {
        var id = await site.AddBookingAsync("2026-12-03T10:00Z", email: "stale@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        await reception.PostOnBookingAsync(id, "mark/arrived", new() { ["version"] = "0" });

        var stale = await reception.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Client phoned" });

        Assert.Contains("Someone changed this booking while you had it open", await reception.FollowAsync(stale), StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Arrived, (await site.BookingAsync(id)).Status);
    }

    [Fact]
    public async Task Moving_onto_another_booking_is_refused_with_a_message_and_a_free_hour_is_taken()
    {
        var id = await site.AddBookingAsync("2026-12-17T10:00Z", email: "mover@example.com");
        await site.AddBookingAsync("2026-12-17T14:00Z", email: "blocker@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        Dictionary<string, string> To(string time) => new() { ["Move.Version"] = "0", ["Move.TherapistId"] = "1", ["Move.Date"] = "2026-12-17", ["Move.Time"] = time };

        var clash = await reception.PostOnBookingAsync(id, "move", To("14:30"));
        Assert.Contains("cannot be double-booked", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(BookingSite.Utc("2026-12-17T10:00Z"), (await site.BookingAsync(id)).StartUtc);

        await reception.PostOnBookingAsync(id, "move", To("16:00"));
        var moved = await site.BookingAsync(id);
        Assert.Equal(BookingSite.Utc("2026-12-17T16:00Z"), moved.StartUtc);
        Assert.Equal(BookingSite.Utc("2026-12-17T17:00Z"), moved.EndUtc);
        Assert.Equal(1, moved.CalendarSequence);
    }
}
