using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Waitlist;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

/// <summary>The waitlist's staff pages, as reception uses them on a phone and a desktop: the list and the offer page.</summary>
public sealed class WaitlistInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_waitlist_and_its_offer_page_have_no_accessibility_violations_on_a_phone_or_a_desktop()
    {
        var first = await AddWaitingAsync();
        var reception = await live.Site.CreateStaffAsync(StaffRoles.Reception);
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(reception.Email!);
            await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
            await Steps.ContinueAsync(page, "Sign in");
            Steps.AssertAt(page, "^/admin$");

            Assert.Equal(200, (await page.GotoAsync("/admin/waitlist"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("3 waiting, first to join first.");
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"The waitlist scrolls sideways on a {size}.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-waitlist-{size}");

            Assert.Equal(200, (await page.GotoAsync($"/admin/waitlist/{first}/offer"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Offer an hour");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Three clients waiting over the coming week, the first for Sarah in the mornings.</summary>
    private async Task<int> AddWaitingAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        WaitlistEntry Entry(string name, int? therapistId, DayParts times, int minutesAgo) => new()
        {
            TreatmentId = 1, TherapistId = therapistId, FromDate = live.Today.AddDays(1), ToDate = live.Today.AddDays(7),
            EndsAtUtc = live.Today.AddDays(8).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Times = times,
            Name = name, Email = name.Split(' ')[0].ToLowerInvariant() + "@example.com", Phone = "07700 900456",
            JoinedAtUtc = now.AddMinutes(-minutesAgo), LeaveTokenHash = Secrets.Hash(Secrets.NewToken()),
        };
        var entries = new[]
        {
            Entry("Martha Early", 1, DayParts.Mornings, 90), Entry("Owen Anyone", null, DayParts.None, 60), Entry("Ella Evening", 2, DayParts.Evenings | DayParts.Afternoons, 30),
        };
        db.WaitlistEntries.AddRange(entries);
        await db.SaveChangesAsync();
        return entries[0].Id;
    }
}
