using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// "N more visits, every X weeks" on the staff booking page, and the clients it makes due. One site for the class:
/// the refusals each book an hour of their own (<see cref="SarahsHours"/>) and look only at their own booking's plan;
/// the two tests that move the clock or give therapists staff accounts start a site of their own.
/// </summary>
[Trait("Database", "Both")]
public sealed class PlanTests(BookingSite site) : IClassFixture<BookingSite>
{
    private const string VisitsMessage = "Enter how many more visits, a whole number from 1 to 20.";
    private const string WeeksMessage = "Enter how many weeks apart, a whole number from 1 to 26.";

    private static Dictionary<string, string> Plan(string visits, string weeks) => new() { ["Visits"] = visits, ["EveryWeeks"] = weeks };

    [Theory]
    [InlineData(0, "0", "2", "Visits", VisitsMessage)]
    [InlineData(1, "21", "2", "Visits", VisitsMessage)]
    [InlineData(2, "seven", "2", "Visits", VisitsMessage)]
    [InlineData(3, "", "2", "Visits", VisitsMessage)]
    [InlineData(4, "2", "27", "EveryWeeks", WeeksMessage)]
    [InlineData(5, "2", "1.5", "EveryWeeks", WeeksMessage)]
    [InlineData(6, "2", "-1", "EveryWeeks", WeeksMessage)]
    [InlineData(7, "2", "99999999999999999999", "EveryWeeks", WeeksMessage)]
    public async Task Bad_plan_numbers_get_a_message_next_to_their_field_keep_what_was_typed_and_save_nothing(int hour, string visits, string weeks, string field, string message)
    {
        var id = await site.AddBookingAsync(SarahsHours.Hour(hour));
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        var response = await owner.PostOnBookingAsync(id, "plan", Plan(visits, weeks));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", page);
        Assert.Contains($"id=\"{field}-error\">{message}</p>", page);
        // An empty box comes back empty (no value at all); anything typed comes back as typed.
        Assert.Contains("id=\"Visits\" name=\"Visits\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" " + (visits.Length == 0 ? "required" : $"value=\"{visits}\""), page);
        Assert.Contains($"id=\"EveryWeeks\" name=\"EveryWeeks\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"{weeks}\"", page);
        Assert.Equal(0, await site.WithDbAsync(db => db.Plans.CountAsync(p => p.BookingId == id)));
    }

    [Fact]
    public async Task The_booked_therapist_sets_the_plan_it_is_audited_reception_sees_it_and_no_one_else_may_change_it()
    {
        using var own = new BookingSite(); // its own: it gives Sarah and James staff accounts
        var id = await own.AddBookingAsync("2026-12-08T10:00Z", therapistId: 1);
        var reception = (await own.SignedInAsAsync("Reception")).Client;
        var otherTherapist = await own.SignedInTherapistAsync(2);
        var sarah = await own.SignedInTherapistAsync(1);

        var byReception = await reception.PostOnBookingAsync(id, "plan", Plan("3", "2"));
        var byOther = await otherTherapist.PostFormAsync("/admin/diary", $"/admin/bookings/{id}/plan", Plan("3", "2"));
        var bySarah = await sarah.PostOnBookingAsync(id, "plan", Plan("3", "2"));

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (byReception.StatusCode, byOther.StatusCode));
        Assert.Contains("Plan saved: 3 more visits, every 2 weeks.", await sarah.FollowAsync(bySarah));
        var booking = await own.BookingAsync(id);
        Assert.True(await own.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "booking.plan" && e.Subject == booking.Reference && e.Detail == "Plan: 3 more visits, every 2 weeks")));
        var seenByReception = WebUtility.HtmlDecode(await reception.GetStringAsync($"/admin/bookings/{id}"));
        Assert.Contains("3 more visits, every 2 weeks (set by", seenByReception);
        Assert.DoesNotContain($"action=\"/admin/bookings/{id}/plan\"", seenByReception);

        var removed = await sarah.PostOnBookingAsync(id, "plan/remove", []);
        Assert.Contains("Plan removed", await sarah.FollowAsync(removed));
        Assert.Equal(0, await own.WithDbAsync(db => db.Plans.CountAsync()));
    }

    [Fact]
    public async Task A_cancelled_booking_takes_no_plan_and_says_why()
    {
        var id = await site.AddBookingAsync(SarahsHours.Hour(8));
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        var form = Plan("2", "2");
        var page = await owner.GetStringAsync($"/admin/bookings/{id}");
        await site.WithDbAsync(async db =>
        {
            var b = await db.Bookings.SingleAsync(a => a.Id == id);
            b.Status = BookingStatus.Cancelled;
            return await db.SaveChangesAsync();
        });

        var response = await owner.PostWithTokenAsync($"/admin/bookings/{id}/plan", Forms.Token(page), form);

        Assert.Contains("This booking is marked cancelled, so no plan was set", await owner.FollowAsync(response));
        Assert.Equal(0, await site.WithDbAsync(db => db.Plans.CountAsync(p => p.BookingId == id)));
    }

    [Fact]
    public async Task The_diary_and_the_client_page_list_clients_due_a_planned_visit_with_none_booked_and_a_book_link()
    {
        using var own = new BookingSite(); // its own: the test moves the clock and reads the whole diary
        // Every visit is on Tuesday 8 December; the site's clock then moves to Wednesday 9 December.
        var due = await own.AddBookingAsync("2026-12-08T10:00Z", therapistId: 1, email: "dana@example.com", name: "Dana Due");
        var later = await own.AddBookingAsync("2026-12-08T10:00Z", therapistId: 2, email: "nina@example.com", name: "Nina Notyet");
        var booked = await own.AddBookingAsync("2026-12-08T14:00Z", therapistId: 1, email: "bob@example.com", name: "Bob Booked");
        var usedUp = await own.AddBookingAsync("2026-12-01T10:00Z", therapistId: 1, email: "uma@example.com", name: "Uma Usedup");
        await own.AddBookingAsync("2026-12-08T16:00Z", therapistId: 1, email: "uma@example.com", name: "Uma Usedup");
        var owner = (await own.SignedInAsAsync("Owner")).Client;
        // Due: one week on is Tuesday 15 December, within 7 days of Wednesday 9 December.
        await owner.PostOnBookingAsync(due, "plan", Plan("1", "1"));
        // Not yet: four weeks on is 5 January.
        await owner.PostOnBookingAsync(later, "plan", Plan("3", "4"));
        // Already booked: their next visit is in the diary.
        await owner.PostOnBookingAsync(booked, "plan", Plan("2", "1"));
        await own.AddBookingAsync("2026-12-15T14:00Z", therapistId: 1, email: "bob@example.com", name: "Bob Booked");
        // Used up: one more visit was planned, and it took place on 8 December.
        await owner.PostOnBookingAsync(usedUp, "plan", Plan("1", "1"));
        own.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 9, 0, 0, TimeSpan.Zero));
        // A staff session does not outlive two days of the site's clock: sign in again, as the clinic would next morning.
        owner = (await own.SignedInAsAsync("Owner")).Client;
        var row = await own.WithDbAsync(db => db.Bookings.Where(a => a.Id == due).Select(a => new { a.ClientId, a.TreatmentId }).SingleAsync());
        var clientId = row.ClientId;
        var bookLink = $"href=\"/admin/bookings/new?client={clientId}&therapist=1&treatment={row.TreatmentId}&date=2026-12-15\"";

        var diary = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/diary?date=2026-12-09"));
        var clientPage = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{clientId}"));

        var list = diary[diary.IndexOf("Due a planned visit, none booked", StringComparison.Ordinal)..];
        Assert.Contains("Dana Due", list);
        Assert.Contains("due Tue 15 Dec", list);
        Assert.Contains(bookLink, list);
        Assert.DoesNotContain("Nina Notyet", list);
        Assert.DoesNotContain("Bob Booked", list);
        Assert.DoesNotContain("Uma Usedup", list);
        Assert.Contains("Planned visit", clientPage);
        Assert.Contains(bookLink, clientPage);

        // A week later it is past due, and still listed until a visit is booked.
        own.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 17, 9, 0, 0, TimeSpan.Zero));
        owner = (await own.SignedInAsAsync("Owner")).Client;
        Assert.Contains("was due Tue 15 Dec", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/diary")));
        await own.AddBookingAsync("2026-12-18T10:00Z", therapistId: 1, email: "dana@example.com", name: "Dana Due");
        Assert.DoesNotContain("Dana Due", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/diary?date=2026-12-17")).Split("Due a planned visit")[^1]);
        var nina = await own.WithDbAsync(db => db.Bookings.Where(a => a.Id == later).Select(a => a.ClientId).SingleAsync());
        Assert.Contains("No planned visit is due", WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{nina}")));
    }
}
