using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

/// <summary>A returning client on a phone: sign in by the emailed link, their page, their bookings, and a second visit by "Book again".</summary>
public sealed class AccountInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Email = "rita.returning@example.com";

    [BrowserFact]
    public async Task A_returning_client_signs_in_by_the_emailed_link_and_books_a_second_visit_by_book_again()
    {
        await AddPastVisitAsync();
        var page = await live.NewPageAsync(Browser.Phone);

        Assert.Equal(200, (await page.GotoAsync("/account"))!.Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "account-sign-in-phone");
        await Steps.ContinueAsync(page, "Email me a sign-in link");
        await Assertions.Expect(page.Locator("#Email-error")).ToHaveTextAsync("Please enter the email address you book with.");
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByLabel("Your email address").FillAsync(Email);
        await Steps.ContinueAsync(page, "Email me a sign-in link");
        Steps.AssertAt(page, "^/account/sent$");
        await Accessibility.AssertNoViolationsAsync(page);

        var email = await live.EmailAsync(Email, "Your sign-in link");
        var link = System.Text.RegularExpressions.Regex.Match(email.TextBody ?? "", @"/account/sign-in/[A-Za-z0-9_-]{43}").Value;
        await page.GotoAsync(link);
        await Steps.ContinueAsync(page, "Sign in");
        Steps.AssertAt(page, "^/account$");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Hello, Rita Returning");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "account-home-phone");

        await Steps.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "My bookings" }));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("My bookings");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "account-bookings-phone");

        await Steps.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Book again") }).First);
        // Two days on or more: outside the cut-off at any hour.
        await Steps.OpenDayAsync(page, live.Today.AddDays(2));
        var times = await Steps.TimeNamesAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = times[0], Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync(Email);
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Rita Returning");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I accept the cancellation policy" }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue to check your booking");
        await Steps.ContinueAsync(page, "Confirm booking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is confirmed" })).ToBeVisibleAsync();

        await page.GotoAsync("/account/bookings");
        await Assertions.Expect(page.Locator(".account-visits").First.Locator("li")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { NameRegex = new("^Choose another time") })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "account-bookings-returning-phone");
        await page.Context.CloseAsync();
    }

    /// <summary>Rita came a week ago for a deep tissue massage with Sarah.</summary>
    private async Task AddPastVisitAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var client = db.Clients.Add(new Client { Name = "Rita Returning", Email = Email, Phone = "07700 900458", CreatedAtUtc = now.AddDays(-30) }).Entity;
        var start = TimeZoneInfo.ConvertTimeToUtc(live.Today.AddDays(-7).ToDateTime(new TimeOnly(10, 0)), HemelMassage.Web.Clinic.ClinicTime.Zone);
        var booking = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1, PricePence = 6000, Client = client, Status = BookingStatus.Arrived,
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now.AddDays(-10), UpdatedAtUtc = now.AddDays(-7),
        };
        booking.Move(start);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
    }
}
