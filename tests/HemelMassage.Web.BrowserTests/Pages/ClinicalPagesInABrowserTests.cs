using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

/// <summary>The client's progress and the summary for a GP, as the Owner sees them: axe on both, consent recorded through the form.</summary>
public sealed class ClinicalPagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_progress_and_summary_pages_have_no_accessibility_violations_and_the_summary_follows_a_recorded_consent()
    {
        var clientId = await SeedAsync();
        var owner = await live.Site.CreateStaffAsync(StaffRoles.Owner);
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await SignedInAsync(viewport, owner.Email!);
            Assert.Equal(200, (await page.GotoAsync($"/admin/clients/{clientId}/progress"))!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Lower back: pain score over visits" })).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Lower back 7 to 3 over 4 visits; worked hamstrings, glutes, hip flexors").First).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByText("Review the plan or refer").First).ToBeVisibleAsync();
            Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"The progress page scrolls sideways on a {size}.");
            await Accessibility.AssertNoViolationsAsync(page);
            await Screenshots.TakeAsync(page, $"admin-progress-{size}");
            await page.Context.CloseAsync();
        }

        var desk = await SignedInAsync(Browser.Desktop, owner.Email!);
        await desk.GotoAsync($"/admin/clients/{clientId}/summary");
        await Accessibility.AssertNoViolationsAsync(desk, "summary-consent");
        await desk.GetByLabel("Who the summary is for (name and practice)").FillAsync("Dr Patel, Parkwood Surgery");
        await Steps.ContinueAsync(desk, "Record consent");
        await Assertions.Expect(desk.Locator("#SharedWith-error, #Agreed-error").First).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(desk, "summary-consent-errors");
        await desk.GetByLabel("The client agreed today").CheckAsync();
        await Steps.ContinueAsync(desk, "Record consent");

        await Assertions.Expect(desk.GetByText("For Dr Patel, Parkwood Surgery.", new() { Exact = false })).ToBeVisibleAsync();
        await Assertions.Expect(desk.GetByText("Sore after lifting the shopping")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(desk, "summary");
        await Screenshots.TakeAsync(desk, "admin-summary-desktop");
        await desk.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(desk.Locator(".site-header")).ToBeHiddenAsync();
        await desk.Context.CloseAsync();
    }

    private async Task<IPage> SignedInAsync(ViewportSize viewport, string email)
    {
        var page = await live.NewPageAsync(viewport);
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
        await Steps.ContinueAsync(page, "Sign in");
        return page;
    }

    /// <summary>Four weekly visits with Sarah, lower back 7 to 3, a different area worked each time; then a neck that stayed at 6.</summary>
    private async Task<int> SeedAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var answers = scope.ServiceProvider.GetRequiredService<HealthAnswerProtector>();
        var record = scope.ServiceProvider.GetRequiredService<ClinicalRecordProtector>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var client = new Client { Name = "Progress Client", Email = "progress@example.com", Phone = "07700 900321", CreatedAtUtc = now };
        (string[] Worked, int Booking, int Before, int After, int Neck)[] visits =
        [
            (["hamstrings-left", "hamstrings-right"], 7, 7, 6, 6), (["glutes-left", "glutes-right"], 6, 6, 5, 6),
            (["hip-flexors-left", "hip-flexors-right"], 5, 5, 4, 6), (["hamstrings-left", "glutes-right"], 4, 4, 3, 6),
        ];
        for (var i = 0; i < visits.Length; i++)
        {
            var v = visits[i];
            var booking = new Booking
            {
                Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1, PricePence = 6000, Status = BookingStatus.Arrived, Client = client,
                IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(), CreatedAtUtc = now, UpdatedAtUtc = now,
            };
            booking.Move(ClinicTime.ToUtc(live.Today.AddDays(-7 * (visits.Length - i)).ToDateTime(new TimeOnly(6, 0))));
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            var felt = new Dictionary<string, int> { ["lower-back"] = v.Booking, ["neck"] = v.Neck };
            db.Intakes.Add(new BookingIntake
            {
                BookingId = booking.Id, Regions = "neck lower-back", WorkedRegions = BodyRegions.Join(v.Worked), Health = HealthStatus.Answered,
                ProtectedAnswers = answers.Protect(new HealthAnswers(new Dictionary<string, bool>(), null, null, null, null, null, null, felt)),
            });
            db.VisitScores.Add(new VisitScores
            {
                BookingId = booking.Id, RecordedAtUtc = booking.StartUtc, RecordedBy = "Sarah",
                ProtectedScores = record.ProtectScores(new ScoreSheet(new Dictionary<string, int> { ["lower-back"] = v.Before, ["neck"] = v.Neck }, new Dictionary<string, int> { ["lower-back"] = v.After, ["neck"] = v.Neck })),
            });
            if (i == visits.Length - 1)
            {
                db.TreatmentNotes.Add(new TreatmentNote
                {
                    BookingId = booking.Id, ProtectedText = record.ProtectNote(new SoapText("Sore after lifting the shopping", "Tight hip flexors, right more than left", "Pelvis tilted forward", "Two more visits, every two weeks")),
                    WrittenBy = "Sarah", WrittenByUserId = "sarah", CreatedAtUtc = now, UpdatedAtUtc = now, SignedAtUtc = now, SignedBy = "Sarah",
                });
            }
            await db.SaveChangesAsync();
        }
        return client.Id;
    }
}
