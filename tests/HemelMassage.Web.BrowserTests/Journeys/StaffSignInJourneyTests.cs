using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Journeys;

public sealed class StaffSignInJourneyTests(TwoFactorLiveSite live) : IClassFixture<TwoFactorLiveSite>
{
    [BrowserFact]
    public async Task A_receptionist_signs_in_with_two_factor_finds_todays_booking_in_the_diary_and_marks_the_client_arrived()
    {
        var bookingId = await BookTodayAsync("Dora Diary");
        var (email, key) = await CreateReceptionistWithAuthenticatorAsync();
        var page = await live.NewPageAsync(Browser.Phone);

        await page.GotoAsync("/admin");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
        await Steps.ContinueAsync(page, "Sign in");

        Assert.Contains("/admin/account/sign-in/two-factor", page.Url, StringComparison.Ordinal);
        Assert.Equal(302, (await page.APIRequest.GetAsync("/admin", new() { MaxRedirects = 0 })).Status);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "admin-two-factor-code-phone");
        await page.GetByLabel("Code from your authenticator app").FillAsync(live.AuthenticatorCode(key));
        await Steps.ContinueAsync(page);

        Steps.AssertAt(page, "^/admin$");
        Assert.Equal(200, (await page.GotoAsync("/admin"))!.Status);
        await Accessibility.AssertNoViolationsAsync(page);

        await page.GotoAsync("/admin/diary");
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "admin-diary-phone");
        var booking = page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("Dora Diary") });
        Assert.EndsWith($"/admin/bookings/{bookingId}", await booking.GetAttributeAsync("href"), StringComparison.Ordinal);
        await Steps.FollowAsync(page, booking);
        Assert.EndsWith($"/admin/bookings/{bookingId}", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
        // The press posts a form: wait for the page it leads to, not for a quiet network (quiet before the post starts).
        await Steps.ContinueAsync(page, "Mark arrived");

        await Assertions.Expect(page.Locator("#status-heading")).ToContainTextAsync("Arrived");
        Assert.Equal(BookingStatus.Arrived, await StatusAsync(bookingId));
        await Screenshots.TakeAsync(page, "admin-booking-arrived-phone");
        await page.Context.CloseAsync();
    }

    /// <summary>A booking that started at the top of this hour, clinic time (a client is marked arrived only from the start), as if made online earlier.</summary>
    private async Task<int> BookTodayAsync(string clientName)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var local = ClinicTime.ToLocal(now);
        var booked = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1,
            Client = new Client { Name = clientName, Email = "dora@example.com", Phone = "07700 900456", FirstVisit = true, CreatedAtUtc = now },
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booked.Move(ClinicTime.ToUtc(local.Date.AddHours(local.Hour)));
        db.Bookings.Add(booked);
        await db.SaveChangesAsync();
        return booked.Id;
    }

    private async Task<BookingStatus> StatusAsync(int id)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return (await db.Bookings.AsNoTracking().SingleAsync(a => a.Id == id)).Status;
    }

    private async Task<(string Email, string Key)> CreateReceptionistWithAuthenticatorAsync()
    {
        var user = await live.Site.CreateStaffAsync(StaffRoles.Reception);
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(fresh);
        await users.SetTwoFactorEnabledAsync(fresh, true);
        return (fresh.Email!, (await users.GetAuthenticatorKeyAsync(fresh))!);
    }
}
