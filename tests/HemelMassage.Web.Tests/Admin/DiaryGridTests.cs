using System.Net;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Therapists;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// The day and week grids against the seeded schedule (Sarah 09:00-13:00 and 14:00-18:00 on weekdays, James
/// 11:00-15:00 and 15:30-20:00 Tuesday to Friday, Priya Monday, Wednesday, Friday and Saturday), on the site's
/// Monday 7 December 2026 08:00. Each test uses days of its own.
/// </summary>
public sealed class DiaryGridTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_day_grid_draws_hours_breaks_time_off_and_each_booking_over_its_hour()
    {
        await site.AddBookingAsync("2026-12-15T10:00Z", therapistId: 1, email: "grid-ann@example.com", name: "Gail Grid");
        await AddTimeOffAsync(1, "2026-12-15T14:00Z", "2026-12-15T16:00Z", "Dentist");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var grid = new GridReader(await reception.GetStringAsync("/admin/diary?date=2026-12-15"));

        Assert.Equal(["Sarah", "James", "Priya"], grid.Columns);
        Assert.Equal("09:00", grid.Times[0]);
        Assert.Equal("19:30", grid.Times[^1]);
        var booking = grid.At("Sarah", "10:30");
        Assert.Equal("10:00", booking.StartsAt);
        Assert.Equal(2, booking.Span);
        Assert.Contains("10:00–11:00 Gail Grid", booking.Text);
        Assert.Contains("Booked", booking.Text);
        Assert.Contains("status-booked", await reception.GetStringAsync("/admin/diary?date=2026-12-15"));
        // An hour from 09:00 or 11:00 would leave no changeover before or after the booking.
        Assert.Equal("No free hour from here", grid.At("Sarah", "09:00").Text);
        Assert.Equal("No free hour from here", grid.At("Sarah", "11:00").Text);
        Assert.Equal("Free: book Sarah, Tue 15 Dec at 12:00", grid.At("Sarah", "12:00").Text);
        Assert.StartsWith("Free", grid.At("Sarah", "11:30").Text);
        Assert.Equal("Break", grid.At("Sarah", "13:30").Text);
        var timeOff = grid.At("Sarah", "15:30");
        Assert.Equal(("Time off: Dentist", "14:00", 4), (timeOff.Text, timeOff.StartsAt, timeOff.Span));
        Assert.StartsWith("Free", grid.At("Sarah", "16:00").Text);
        Assert.Equal("Not working", grid.At("Sarah", "18:00").Text);
        Assert.Equal("Not working", grid.At("James", "09:00").Text);
        Assert.Equal("Break", grid.At("James", "15:00").Text);
        Assert.Equal(("Not working", "09:00"), (grid.At("Priya", "12:00").Text, grid.At("Priya", "12:00").StartsAt));
    }

    [Fact]
    public async Task A_closure_shades_the_whole_day_and_a_booking_under_time_off_or_a_closure_is_marked_as_a_clash()
    {
        await site.WithDbAsync(db =>
        {
            db.ClinicClosures.Add(new ClinicClosure { From = new(2026, 12, 17), To = new(2026, 12, 17), Reason = "Staff training" });
            return db.SaveChangesAsync();
        });
        await site.AddBookingAsync("2026-12-17T10:00Z", therapistId: 1, email: "grid-closed@example.com", name: "Clara Closed");
        await site.AddBookingAsync("2026-12-16T11:00Z", therapistId: 1, email: "grid-off@example.com", name: "Otto Off");
        await AddTimeOffAsync(1, "2026-12-16T09:00Z", "2026-12-16T13:00Z", "Sick");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var closed = new GridReader(await owner.GetStringAsync("/admin/diary?date=2026-12-17"));
        var off = new GridReader(await owner.GetStringAsync("/admin/diary?date=2026-12-16"));

        Assert.Equal("Closed: Staff training", closed.At("James", "16:00").Text);
        Assert.Equal(closed.At("Priya", "09:00"), closed.At("Priya", "19:00"));
        Assert.Contains("Clash: the clinic is closed (Staff training)", closed.At("Sarah", "10:00").Text);
        Assert.Contains("Otto Off", off.At("Sarah", "11:00").Text);
        Assert.Contains("Clash: Sarah is on time off (Sick)", off.At("Sarah", "11:00").Text);
        Assert.Contains("clash", off.At("Sarah", "11:00").Classes + await owner.GetStringAsync("/admin/diary?date=2026-12-16"));
        Assert.Equal("Time off: Sick", off.At("Sarah", "09:00").Text);
        Assert.Equal("Time off: Sick", off.At("Sarah", "12:30").Text);
    }

    [Fact]
    public async Task A_flagged_intake_shows_talk_first_to_the_owner_on_the_grid()
    {
        var id = await site.AddBookingAsync("2026-12-18T14:00Z", therapistId: 1, email: "grid-talk@example.com", name: "Tara Talk");
        await site.WithDbAsync(db =>
        {
            db.Intakes.Add(new BookingIntake { BookingId = id, NeedsConversation = true, Health = HealthStatus.Answered });
            return db.SaveChangesAsync();
        });
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var grid = new GridReader(await owner.GetStringAsync("/admin/diary?date=2026-12-18"));

        Assert.Contains("Tara Talk", grid.At("Sarah", "14:00").Text);
        Assert.Contains("Talk first", grid.At("Sarah", "14:00").Text);
    }

    [Fact]
    public async Task A_free_hour_links_to_the_phone_form_filled_with_therapist_date_and_time()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var grid = new GridReader(await reception.GetStringAsync("/admin/diary?date=2026-12-22"));

        var link = grid.At("James", "16:30").Link;
        var form = WebUtility.HtmlDecode(await reception.GetStringAsync(link));

        Assert.Equal("/admin/bookings/new?therapist=2&date=2026-12-22&time=16:30", link);
        Assert.Contains("<option value=\"2\" selected=\"selected\">James</option>", form);
        Assert.Contains("value=\"2026-12-22\"", form);
        Assert.Contains("value=\"16:30\"", form);
    }

    [Fact]
    public async Task The_week_grid_shows_one_therapist_a_column_per_day()
    {
        await site.AddBookingAsync("2026-12-23T15:00Z", therapistId: 3, email: "grid-week@example.com", name: "Wendy Week");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var week = new GridReader(await reception.GetStringAsync("/admin/diary/week?therapist=3&date=2026-12-24"));

        Assert.Equal(["Mon 21 Dec", "Tue 22 Dec", "Wed 23 Dec", "Thu 24 Dec", "Fri 25 Dec", "Sat 26 Dec", "Sun 27 Dec"], week.Columns);
        Assert.Contains("Wendy Week", week.At("Wed 23 Dec", "15:00").Text);
        Assert.Equal("Not working", week.At("Tue 22 Dec", "10:00").Text);
        Assert.Equal("Break", week.At("Mon 21 Dec", "13:00").Text);
        Assert.StartsWith("Free", week.At("Sat 26 Dec", "09:30").Text);
    }

    [Theory]
    [InlineData("/admin/diary?date=banana")]
    [InlineData("/admin/diary/week?date=2026-02-30")]
    [InlineData("/admin/diary/list?date=%3Cscript%3E")]
    public async Task A_date_that_is_not_one_shows_today_and_says_why(string path)
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is not a date the diary can show, so here is today", WebUtility.HtmlDecode(html));
        Assert.Contains("Monday 7 December 2026", html);
        Assert.DoesNotContain("\"<script>\"", html);
    }

    [Fact]
    public async Task A_therapist_sees_only_their_own_column_and_no_booking_links_for_free_hours()
    {
        await site.AddBookingAsync("2026-12-28T10:00Z", therapistId: 3, email: "grid-priya@example.com", name: "Pat Priya");
        var priya = await site.SignedInTherapistAsync(3);

        var grid = new GridReader(await priya.GetStringAsync("/admin/diary?date=2026-12-28&therapist=1"));

        Assert.Equal(["Priya"], grid.Columns);
        Assert.Contains("Pat Priya", grid.At("Priya", "10:00").Text);
        Assert.Equal(("Free", null), (grid.At("Priya", "14:30").Text, grid.At("Priya", "14:30").Link));
    }

    [Fact]
    public async Task Dragging_a_booking_to_another_therapists_free_hour_moves_it_through_the_move_form()
    {
        var id = await site.AddBookingAsync("2026-12-29T10:00Z", therapistId: 1, email: "grid-drag@example.com", name: "Drew Drag");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await DragAsync(reception, id, version: 0, therapist: 2, "2026-12-29", "16:30");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Moved from Tue 29 Dec, 10:00 with Sarah to Tue 29 Dec, 16:30 with James", await response.Content.ReadAsStringAsync());
        var grid = new GridReader(await reception.GetStringAsync("/admin/diary?date=2026-12-29"));
        Assert.Contains("Drew Drag", grid.At("James", "16:30").Text);
        Assert.StartsWith("Free", grid.At("Sarah", "10:00").Text);
    }

    [Fact]
    public async Task A_move_by_the_booking_pages_form_shows_on_the_grid_and_one_onto_a_taken_hour_is_refused()
    {
        var id = await site.AddBookingAsync("2026-12-30T10:00Z", therapistId: 1, email: "grid-form@example.com", name: "Fern Form");
        await site.AddBookingAsync("2026-12-30T14:00Z", therapistId: 1, email: "grid-taken@example.com", name: "Tom Taken");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var moved = await reception.PostOnBookingAsync(id, "move", new() { ["Move.Version"] = "0", ["Move.TherapistId"] = "1", ["Move.Date"] = "2026-12-30", ["Move.Time"] = "16:00" });
        var refused = await reception.PostOnBookingAsync(id, "move", new() { ["Move.Version"] = "1", ["Move.TherapistId"] = "1", ["Move.Date"] = "2026-12-30", ["Move.Time"] = "14:00" });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("cannot be double-booked", await refused.Content.ReadAsStringAsync());
        var grid = new GridReader(await reception.GetStringAsync("/admin/diary?date=2026-12-30"));
        Assert.Contains("Fern Form", grid.At("Sarah", "16:00").Text);
        Assert.Contains("Tom Taken", grid.At("Sarah", "14:00").Text);
        Assert.Equal(BookingSite.Utc("2026-12-30T16:00Z"), (await site.BookingAsync(id)).StartUtc);
    }

    [Fact]
    public async Task A_drag_onto_a_taken_hour_is_refused_with_the_reason_and_nothing_changes()
    {
        var id = await site.AddBookingAsync("2026-12-31T10:00Z", therapistId: 2, email: "grid-drag2@example.com", name: "Dana Drag");
        await site.AddBookingAsync("2026-12-31T16:30Z", therapistId: 1, email: "grid-there@example.com", name: "Theo There");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await DragAsync(reception, id, version: 0, therapist: 1, "2026-12-31", "16:30");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Sarah already has a booking at Thu 31 Dec, 16:30", await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was changed.", await response.Content.ReadAsStringAsync());
        var booking = await site.BookingAsync(id);
        Assert.Equal((2, BookingSite.Utc("2026-12-31T10:00Z"), 0), (booking.TherapistId, booking.StartUtc, booking.Version));
    }

    [Fact]
    public async Task A_drag_from_a_diary_shown_before_the_booking_was_moved_is_refused_as_stale()
    {
        var id = await site.AddBookingAsync("2027-01-04T10:00Z", therapistId: 1, email: "grid-stale@example.com", name: "Stan Stale");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        Assert.Equal(HttpStatusCode.OK, (await DragAsync(reception, id, version: 0, therapist: 1, "2027-01-04", "15:00")).StatusCode);

        var again = await DragAsync(reception, id, version: 0, therapist: 1, "2027-01-04", "16:00");

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Someone changed this booking after this diary was shown, so nothing was moved", await again.Content.ReadAsStringAsync());
        Assert.Equal(BookingSite.Utc("2027-01-04T15:00Z"), (await site.BookingAsync(id)).StartUtc);
    }

    [Fact]
    public async Task A_therapist_may_not_drag_a_booking()
    {
        var id = await site.AddBookingAsync("2027-01-05T10:00Z", therapistId: 1, email: "grid-nodrag@example.com", name: "Nia NoDrag");
        var sarah = await site.SignedInTherapistAsync(1);

        var response = await DragAsync(sarah, id, version: 0, therapist: 1, "2027-01-05", "16:00");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(BookingSite.Utc("2027-01-05T10:00Z"), (await site.BookingAsync(id)).StartUtc);
    }

    /// <summary>What diary.js sends on a drop: the booking page's move form, asking for a JSON answer.</summary>
    private static async Task<HttpResponseMessage> DragAsync(HttpClient staff, int id, int version, int therapist, string date, string time)
    {
        var token = Forms.Token(await staff.GetStringAsync($"/admin/diary?date={date}"));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/bookings/{id}/move")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                [Forms.TokenField] = token, ["Move.Version"] = $"{version}", ["Move.TherapistId"] = $"{therapist}", ["Move.Date"] = date, ["Move.Time"] = time,
            }),
        };
        request.Headers.Accept.ParseAdd("application/json");
        return await staff.SendAsync(request);
    }

    private Task<int> AddTimeOffAsync(int therapistId, string from, string to, string reason) =>
        site.WithDbAsync(db =>
        {
            db.TimeOff.Add(new TimeOff { TherapistId = therapistId, StartUtc = BookingSite.Utc(from), EndUtc = BookingSite.Utc(to), Reason = reason });
            return db.SaveChangesAsync();
        });
}
