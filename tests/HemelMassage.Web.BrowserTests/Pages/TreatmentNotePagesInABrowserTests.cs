using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

/// <summary>The treatment note and the visit's scores page: recorded, signed, amended by hand, and axe on each state.</summary>
public sealed class TreatmentNotePagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_scores_and_note_pages_have_no_accessibility_violations_as_a_draft_signed_and_with_an_error()
    {
        var id = await VisitAsync();
        var owner = await live.Site.CreateStaffAsync(StaffRoles.Owner);
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(owner.Email!);
            await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
            await Steps.ContinueAsync(page, "Sign in");

            await page.GotoAsync($"/admin/bookings/{id}/scores");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-scores-{size}");
            await page.GotoAsync($"/admin/bookings/{id}/note");
            await Accessibility.AssertNoViolationsAsync(page);
            if (size == "phone")
            {
                await page.GotoAsync($"/admin/bookings/{id}/scores");
                await page.GetByLabel("Before the treatment, Lower back").SelectOptionAsync("6");
                await page.GetByLabel("After the treatment, Lower back").SelectOptionAsync("3");
                await Steps.ContinueAsync(page, "Save scores");
                await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scores saved");
                await page.GotoAsync($"/admin/bookings/{id}/note");
                await page.Locator("#Objective").FillAsync("Lower back tender either side of L4-L5, no pain on bending forward. Hamstrings tight, left more than right (straight-leg raise 60 degrees left, 75 right); left glute tender on pressure.");
                await page.Locator("#Assessment").FillAsync("Back pain likely pulled on by tight hamstrings and a weak, overworked left glute. Hamstrings and glutes worked, lower back eased; 3/10 after.");
                await page.Locator("#Plan").FillAsync("Hamstring stretch twice a day; walk at lunchtime.");
                await Steps.ContinueAsync(page, "Save and sign");
                await Assertions.Expect(page.Locator("#note-status")).ToContainTextAsync("Signed by");
                await Steps.ContinueAsync(page, "Save amendment");
                await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
                await Accessibility.AssertNoViolationsAsync(page);
                await page.GetByLabel("Why it is changed").FillAsync("Added the plan");
                await page.Locator("#Amendment_Plan").FillAsync("Hamstring stretch twice a day; walk at lunchtime. Two more visits, every two weeks.");
                await Steps.ContinueAsync(page, "Save amendment");
                await Assertions.Expect(page.GetByText("Why: Added the plan")).ToBeVisibleAsync();
            }
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-note-{size}");
            await page.Context.CloseAsync();
        }
    }

    /// <summary>Tomorrow at ten with Sarah: a client who felt it in the lower back and the left glute, with consent; hamstrings and glutes worked.</summary>
    private async Task<int> VisitAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var booked = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1,
            Client = new Client { Name = "Nora Note", Email = "nora@example.com", Phone = "07700 900456", FirstVisit = true, CreatedAtUtc = now },
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booked.Move(ClinicTime.ToUtc(ClinicTime.ToLocal(now).Date.AddDays(1).AddHours(10)));
        db.Bookings.Add(booked);
        await db.SaveChangesAsync();
        var answers = new HealthAnswers(new Dictionary<string, bool>(), null, null, null, 6, "Since the spring", "Sitting", new Dictionary<string, int> { ["lower-back"] = 7 });
        db.Intakes.Add(new BookingIntake
        {
            BookingId = booked.Id, Regions = "lower-back glutes-left", WorkedRegions = "lower-back hamstrings-left hamstrings-right glutes-left glutes-right",
            HealthConsentVersion = HealthConsent.Version, HealthConsentAtUtc = now,
            ProtectedAnswers = scope.ServiceProvider.GetRequiredService<HealthAnswerProtector>().Protect(answers),
        });
        await db.SaveChangesAsync();
        return booked.Id;
    }
}
