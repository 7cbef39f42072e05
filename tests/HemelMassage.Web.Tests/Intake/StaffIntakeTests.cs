using System.Net;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Intake;

[Trait("Database", "Both")]
public sealed class StaffIntakeTests
{
    private const string Marker = "Zqhealth7731";

    private static async Task<(BookingSite Site, int Id)> BookedWithSarahAsync()
    {
        var site = new BookingSite();
        var fields = IntakeSteps.Details("lower-back", "glutes-left").WithHealth("clots").With("HealthDetails", Marker + " DVT in 2019");
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z", fields);
        return (site, id);
    }

    [Fact]
    public async Task A_therapist_who_is_not_booked_gets_403_on_the_answers()
    {
        var (site, id) = await BookedWithSarahAsync();
        using var _ = site;
        var james = await site.SignedInTherapistAsync(2);

        var page = await james.GetAsync($"/admin/bookings/{id}");
        var worked = await james.PostFormAsync("/admin/diary", $"/admin/bookings/{id}/worked", new() { ["worked"] = "neck" });

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.DoesNotContain(Marker, await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, worked.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "booking.health-read")));
    }

    [Fact]
    public async Task Reception_sees_that_the_therapist_should_talk_first_but_not_the_map_or_the_answers()
    {
        var (site, id) = await BookedWithSarahAsync();
        using var _ = site;
        var (desk, _) = await site.SignedInAsAsync("Reception");

        var html = await desk.GetStringAsync($"/admin/bookings/{id}");

        Assert.Contains("Talk first", html);
        Assert.DoesNotContain(Marker, html);
        Assert.DoesNotContain("Blood clots", html);
        Assert.DoesNotContain("Left glute", html);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/worked", new() { ["worked"] = "neck" })).StatusCode);
    }

    [Fact]
    public async Task The_booked_therapist_sees_the_map_the_flags_and_the_answers_and_the_read_is_audited()
    {
        var (site, id) = await BookedWithSarahAsync();
        using var _ = site;
        var sarah = await site.SignedInTherapistAsync(1);

        var html = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{id}"));
        var sheet = WebUtility.HtmlDecode(await sarah.GetStringAsync("/admin/diary/list?date=2026-12-08"));

        Assert.Contains(Marker, html);
        Assert.Contains("Blood clots", html);
        Assert.Contains("<g data-region=\"lower-back\" class=\"on\">", html);
        Assert.Contains("<li>Left glute (buttock)</li>", html);
        Assert.Contains("Talk first", sheet);
        Assert.Contains("Blood clots", sheet);
        Assert.Contains("data-region=\"glutes-left\" class=\"on\"", sheet);
        // The figure's sides are the client's, and say so to the therapist (the client's form says "Your").
        Assert.Contains(">Client's left</text>", html);
        Assert.DoesNotContain(">Your left</text>", html);
        Assert.Contains(">Client's right</text>", sheet);
        var reads = await site.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "booking.health-read").ToListAsync());
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.DoesNotContain(Marker, r.Detail));
    }

    [Fact]
    public async Task The_therapist_ticks_the_areas_worked_on_the_same_map_and_sees_them_next_visit_on_the_booking_and_the_day_sheet()
    {
        var (site, id) = await BookedWithSarahAsync();
        using var _ = site;
        var sarah = await site.SignedInTherapistAsync(1);

        var saved = await sarah.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/worked",
            new() { ["worked"] = "hamstrings-left" });
        var next = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-10T10:00Z", IntakeSteps.Details("neck").With("HealthConsent", "true"));
        var nextPage = WebUtility.HtmlDecode(await sarah.GetStringAsync($"/admin/bookings/{next}"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("hamstrings-left", (await site.IntakeAsync(id)).WorkedRegions);
        Assert.Contains("Last visit", nextPage);
        Assert.Contains("Worked:</span> Left back of thigh (hamstrings)", nextPage);
        var sheet = WebUtility.HtmlDecode(await sarah.GetStringAsync("/admin/diary/list?date=2026-12-10"));
        Assert.Contains("Last visit felt:</span> Lower back, Left glute (buttock)", sheet);
        Assert.Contains("worked:</span> Left back of thigh (hamstrings)", sheet);
    }
}
