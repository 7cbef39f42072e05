using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

/// <summary>The Owner sets a plan on a past visit; the plan page with its errors, the booking page, the diary's due list and the client page pass axe.</summary>
public sealed class PlanInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "lantern orbit kettle velvet";

    [BrowserFact]
    public async Task The_owner_sets_a_plan_and_the_client_is_listed_as_due_and_the_pages_have_no_accessibility_violations()
    {
        var (id, clientId) = await VisitThreeDaysAgoAsync();
        var email = await CreateOwnerAsync();
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(Password);
            await Steps.ContinueAsync(page, "Sign in");

            await page.GotoAsync($"/admin/bookings/{id}#plan");
            await page.GetByLabel("How many more visits").FillAsync("0");
            await page.GetByLabel("Every how many weeks").FillAsync("1");
            await Steps.ContinueAsync(page, "Save plan");
            Steps.AssertAt(page, $"^/admin/bookings/{id}/plan$");
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Enter how many more visits, a whole number from 1 to 20.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"plan-errors-{size}");

            await page.GetByLabel("How many more visits").FillAsync("2");
            await Steps.ContinueAsync(page, "Save plan");
            Steps.AssertAt(page, $"^/admin/bookings/{id}$");
            await Assertions.Expect(page.Locator("#plan").Locator("xpath=..")).ToContainTextAsync("2 more visits, every week");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"plan-booking-{size}");

            // One week after a visit three days ago is within the next 7 days: due, and nothing is booked.
            foreach (var (path, name) in new[] { ("/admin/diary", "diary"), ($"/admin/clients/{clientId}", "client") })
            {
                await page.GotoAsync(path);
                await Assertions.Expect(page.Locator(".due-plans")).ToContainTextAsync("Pam Planned");
                await Assertions.Expect(page.Locator(".due-plans").GetByRole(AriaRole.Link, new() { Name = "Book Pam Planned's next visit" })).ToBeVisibleAsync();
                await Accessibility.AssertNoViolationsAsync(page);
                await Screenshots.TakeAsync(page, $"plan-due-{name}-{size}");
            }
            await page.Context.CloseAsync();
        }
    }

    private async Task<(int Booking, int Client)> VisitThreeDaysAgoAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var local = ClinicTime.ToLocal(now).Date.AddDays(-3).AddHours(10);
        var booked = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1, Status = BookingStatus.Arrived,
            Client = new Client { Name = "Pam Planned", Email = "pam@example.com", Phone = "07700 900456", CreatedAtUtc = now },
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booked.Move(ClinicTime.ToUtc(local));
        db.Bookings.Add(booked);
        await db.SaveChangesAsync();
        return (booked.Id, booked.ClientId);
    }

    private async Task<string> CreateOwnerAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Olive Owner" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, StaffRoles.Owner);
        return email;
    }
}
