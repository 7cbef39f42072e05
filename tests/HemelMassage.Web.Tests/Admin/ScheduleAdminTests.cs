using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class ScheduleAdminTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task A_new_treatment_appears_on_the_public_page_at_once_priced_in_pence_and_an_hour_long()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var visitor = site.CreatePageClient();
        Assert.DoesNotContain("Hot stone hour", await visitor.GetStringAsync("/treatments"), StringComparison.Ordinal);

        var saved = await owner.PostFormAsync("/admin/treatments/new", "/admin/treatments/new", new()
        {
            ["Form.Name"] = "Hot stone hour", ["Form.Suits"] = "Anyone who runs cold.", ["Form.Description"] = "Warm stones, whole body.",
            ["Form.Price"] = "62.50", ["Form.IsActive"] = "true", ["Form.Minutes"] = "30",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(6250, await site.WithDbAsync(db => db.Treatments.Where(t => t.Name == "Hot stone hour").Select(t => t.PricePence).SingleAsync()));
        // Shown once a therapist gives it (Admin/TreatmentVisibilityTests): Sarah does.
        await site.WithDbAsync(async db =>
        {
            (await db.Therapists.Include(t => t.Treatments).SingleAsync(t => t.Id == 1)).Treatments.Add(await db.Treatments.SingleAsync(t => t.Name == "Hot stone hour"));
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Hot stone hour", await visitor.GetStringAsync("/treatments"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_that_is_not_money_gets_a_message_next_to_the_field()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.PostFormAsync("/admin/treatments/new", "/admin/treatments/new", new() { ["Form.Name"] = "X", ["Form.Price"] = "cheap" });

        Assert.Contains("Enter the price in pounds", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closure_removes_that_days_times_from_online_booking()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var visitor = site.CreatePageClient();
        const string Times = "/book/times?treatment=deep-tissue&therapist=1&date=2026-12-23";
        Assert.Contains("value=\"2026-12-23T10:00Z\"", await visitor.GetStringAsync(Times), StringComparison.Ordinal);

        await owner.PostFormAsync("/admin/closures", "/admin/closures", new() { ["Form.From"] = "2026-12-23", ["Form.To"] = "2026-12-23", ["Form.Reason"] = "Refit" });

        Assert.DoesNotContain("value=\"2026-12-23T10:00Z\"", await visitor.GetStringAsync(Times), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_that_overlap_a_range_already_set_are_refused_with_a_message()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.PostFormAsync("/admin/therapists/1", "/admin/therapists/1/hours", new() { ["Hours.Day"] = "Monday", ["Hours.Start"] = "12:00", ["Hours.End"] = "15:00" });

        Assert.Contains("That overlaps hours already set for that day", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Time_off_frees_the_therapist_for_no_bookings_those_days_and_is_audited()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        await owner.PostFormAsync("/admin/therapists/3", "/admin/therapists/3/time-off", new() { ["TimeOff.From"] = "2026-12-28", ["TimeOff.To"] = "2026-12-30", ["TimeOff.Reason"] = "Holiday" });

        var visitor = site.CreatePageClient();
        Assert.DoesNotContain("value=\"2026-12-28T10:00Z\"", await visitor.GetStringAsync("/book/times?treatment=deep-tissue&therapist=3&date=2026-12-28"), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "timeoff.add")));
    }

    [Theory]
    [InlineData("Reception")]
    [InlineData("Therapist")]
    public async Task Only_the_owner_may_change_schedules_and_treatments(string role)
    {
        var (client, _) = await site.SignedInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/treatments")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/therapists/1")).StatusCode);
        var post = await client.PostFormAsync("/admin/diary", "/admin/closures", new() { ["Form.From"] = "2026-12-24", ["Form.To"] = "2026-12-24" });
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.False(await site.WithDbAsync(db => db.ClinicClosures.AnyAsync(c => c.From == new DateOnly(2026, 12, 24))));
    }
}
