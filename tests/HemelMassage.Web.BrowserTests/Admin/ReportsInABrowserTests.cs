using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

public sealed class ReportsInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    [BrowserFact]
    public async Task The_owners_report_has_no_accessibility_violations_on_a_tablet_or_a_phone_and_a_range_is_sent_by_keyboard()
    {
        await BookThisMonthAsync();
        var owner = await live.Site.CreateStaffAsync(StaffRoles.Owner);
        foreach (var (viewport, size) in new[] { (Tablet, "tablet"), (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(owner.Email!);
            await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
            await Steps.ContinueAsync(page, "Sign in");
            Steps.AssertAt(page, "^/admin$");

            Assert.Equal(200, (await page.GotoAsync("/admin/reports"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Report: " + live.Today.ToString("MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Bookings by outcome" })).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"The report scrolls sideways on a {size}.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-reports-{size}");
            await page.Context.CloseAsync();
        }

        var phone = await live.NewPageAsync(Browser.Phone);
        await phone.GotoAsync("/admin/account/sign-in");
        await phone.GetByLabel("Email").FillAsync(owner.Email!);
        await phone.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
        await Steps.ContinueAsync(phone, "Sign in");
        await phone.GotoAsync("/admin/reports");
        await phone.GetByLabel("First day").FillAsync(Iso(live.Today.AddDays(5)));
        await phone.GetByLabel("Last day (included)").FillAsync(Iso(live.Today));
        await phone.GetByRole(AriaRole.Button, new() { Name = "Show these days" }).FocusAsync();
        await Steps.PressEnterAsync(phone);

        await Assertions.Expect(phone.Locator("#To-error")).ToHaveTextAsync("The last day is before the first day: swap them, or pick a later last day.");
        await Accessibility.AssertNoViolationsAsync(phone);
        await phone.Context.CloseAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A dozen bookings over this month, each outcome among them, for all three therapists.</summary>
    private async Task BookThisMonthAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var first = new DateOnly(live.Today.Year, live.Today.Month, 1);
        BookingStatus[] outcomes = [BookingStatus.Arrived, BookingStatus.Arrived, BookingStatus.NoShow, BookingStatus.LateCancellation, BookingStatus.Booked, BookingStatus.Cancelled];
        for (var i = 0; i < 12; i++)
        {
            var booking = new Booking
            {
                Reference = Secrets.NewReference(), TherapistId = 1 + i % 3, TreatmentId = 1, PricePence = 6000, Status = outcomes[i % outcomes.Length],
                Client = new Client { Name = $"Report Client {i % 5}", Email = $"report{i}@example.com", Phone = "07700 900456", CreatedAtUtc = now },
                IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
                CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            booking.Move(ClinicTime.ToUtc(first.AddDays(i * 2 % 27).ToDateTime(new TimeOnly(7, 0))));
            db.Bookings.Add(booking);
        }
        await db.SaveChangesAsync();
    }
}
