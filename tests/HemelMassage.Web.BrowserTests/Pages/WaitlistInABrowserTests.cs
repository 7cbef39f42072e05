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

/// <summary>The waitlist's pages for clients (join, an offered hour, leave), on a phone and a desktop: a site of their own, so the staff list's counts stay the staff test's.</summary>
public sealed class WaitlistClientPagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_clients_waitlist_pages_join_with_errors_an_offered_hour_and_leave_have_no_accessibility_violations()
    {
        // One client waiting, with an hour held for them: their leave and claim links carry these two tokens.
        var leaveToken = Secrets.NewToken();
        var claimToken = Secrets.NewToken();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        // An hour of Sarah's two days on (every hour of that day is outside the cut-off), chosen by rule: 10:00 clinic time.
        var start = TimeZoneInfo.ConvertTimeToUtc(live.Today.AddDays(2).ToDateTime(new TimeOnly(10, 0)), HemelMassage.Web.Clinic.ClinicTime.Zone);
        using (var scope = live.Site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            var entry = new WaitlistEntry
            {
                TreatmentId = 1, TherapistId = 1, FromDate = live.Today.AddDays(1), ToDate = live.Today.AddDays(7),
                EndsAtUtc = live.Today.AddDays(8).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), Times = DayParts.None,
                Name = "Wendy Waiting", Email = "wendy@example.com", Phone = "07700 900457",
                JoinedAtUtc = now.AddMinutes(-5), LeaveTokenHash = Secrets.Hash(leaveToken),
            };
            db.WaitlistEntries.Add(entry);
            await db.SaveChangesAsync();
            db.WaitlistOffers.Add(new WaitlistOffer
            {
                EntryId = entry.Id, TherapistId = 1, StartUtc = start, OfferedAtUtc = now, HeldUntilUtc = now.AddMinutes(30),
                ClaimTokenHash = Secrets.Hash(claimToken),
            });
            await db.SaveChangesAsync();
        }
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            Assert.Equal(200, (await page.GotoAsync("/waitlist/join?treatment=deep-tissue&therapist=any"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Join the waitlist");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"waitlist-join-{size}");
            // Sent empty: the messages name each field, and the page still passes.
            await Steps.ContinueAsync(page, "Join the waitlist");
            await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);

            Assert.Equal(200, (await page.GotoAsync("/waitlist/offer/" + claimToken))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("An hour is free for you");
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Book this hour" })).ToBeVisibleAsync();
            // The hour and what it is for sit in one box that fits the screen (the page once scrolled sideways on a phone).
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"The offered hour scrolls sideways on a {size}.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"waitlist-offer-{size}");

            Assert.Equal(200, (await page.GotoAsync("/waitlist/leave/" + leaveToken))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Leave the waitlist");
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
    }
}
