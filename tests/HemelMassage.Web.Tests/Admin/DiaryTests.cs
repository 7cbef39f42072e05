using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class DiaryTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_diary_opens_on_today_and_links_each_booking_to_its_page()
    {
        var today = await site.AddBookingAsync("2026-12-07T10:00Z", email: "today@example.com", name: "Tess Today");
        await site.AddBookingAsync("2026-12-08T10:00Z", email: "tomorrow@example.com", name: "Tom Tomorrow");
        var (client, _) = await site.SignedInAsAsync("Reception");

        var html = await client.GetStringAsync("/admin/diary");

        Assert.Contains("Monday 7 December 2026", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/bookings/{today}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tom Tomorrow", html, StringComparison.Ordinal);
        Assert.Contains("Tom Tomorrow", await client.GetStringAsync("/admin/diary?date=2026-12-08"), StringComparison.Ordinal);
        var week = await client.GetStringAsync("/admin/diary/week?date=2026-12-09");
        Assert.Contains("Tess Today", week, StringComparison.Ordinal);
        Assert.Contains("Tom Tomorrow", week, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reception_sees_contact_details_and_history_but_not_the_clients_note()
    {
        var id = await site.AddBookingAsync("2026-12-09T10:00Z", email: "nora@example.com", name: "Nora Note", note: "Sciatica since June");
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var seen = await reception.GetStringAsync($"/admin/bookings/{id}");

        Assert.Contains("nora@example.com", seen, StringComparison.Ordinal);
        Assert.Contains("Booked online", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("Sciatica", seen, StringComparison.Ordinal);
        Assert.Contains("Sciatica since June", await owner.GetStringAsync($"/admin/bookings/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_therapist_sees_only_their_own_bookings_and_gets_403_for_anyone_elses()
    {
        var mine = await site.AddBookingAsync("2026-12-11T10:00Z", therapistId: 1, email: "mine@example.com", name: "Mina Mine", note: "Stiff neck");
        var theirs = await site.AddBookingAsync("2026-12-11T10:00Z", therapistId: 3, email: "theirs@example.com", name: "Theo Theirs");
        var sarah = await site.SignedInTherapistAsync(1);

        var diary = await sarah.GetStringAsync("/admin/diary?date=2026-12-11&therapist=3");

        Assert.Contains("Mina Mine", diary, StringComparison.Ordinal);
        Assert.DoesNotContain("Theo Theirs", diary, StringComparison.Ordinal);
        Assert.Contains("Stiff neck", await sarah.GetStringAsync($"/admin/bookings/{mine}"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync($"/admin/bookings/{theirs}")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/bookings/999999", HttpStatusCode.NotFound)]
    [InlineData("/admin/bookings/abc", HttpStatusCode.NotFound)]
    [InlineData("/admin/bookings/99999999999999", HttpStatusCode.NotFound)]
    [InlineData("/admin/diary?date=banana&therapist=x", HttpStatusCode.OK)]
    [InlineData("/admin/diary?date=9999-12-31", HttpStatusCode.OK)]
    [InlineData("/admin/diary/week?date=0001-01-01", HttpStatusCode.OK)]
    public async Task Tampered_ids_and_dates_get_a_404_or_today_never_a_500(string path, HttpStatusCode expected)
    {
        var (client, _) = await site.SignedInAsAsync("Owner");

        Assert.Equal(expected, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task The_owner_links_a_therapists_account_to_their_record_and_then_their_diary_shows_their_bookings()
    {
        await site.AddBookingAsync("2026-12-10T09:00Z", therapistId: 3, email: "linked@example.com", name: "Lena Linked");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var (priya, user) = await site.SignedInAsAsync("Therapist");
        Assert.DoesNotContain("Lena Linked", await priya.GetStringAsync("/admin/diary?date=2026-12-10"), StringComparison.Ordinal);

        var linked = await owner.PostFormAsync("/admin/staff", $"/admin/staff/{user.Id}/therapist", new() { ["therapistId"] = "3" });

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Contains("Lena Linked", await priya.GetStringAsync("/admin/diary?date=2026-12-10"), StringComparison.Ordinal);
    }
}
