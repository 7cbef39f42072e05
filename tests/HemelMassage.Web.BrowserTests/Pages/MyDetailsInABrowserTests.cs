using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Intake;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

/// <summary>A signed-in client's "My details", "My progress" and "My data" pages: axe at phone and desktop size, and no sideways scroll.</summary>
public sealed partial class MyDetailsInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task The_details_progress_and_data_pages_have_no_accessibility_violations_on_a_phone_or_a_desktop()
    {
        const string email = "mina.mine@example.com";
        await SeedAsync(email);
        // One sign-in (a link works once), then each size on the same page.
        var page = await SignedInAsync(Browser.Phone, email);
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
            foreach (var (path, heading) in new[] { ("/account/details", "My details"), ("/account/progress", "My progress"), ("/account/data", "My data") })
            {
                Assert.Equal(200, (await page.GotoAsync(path))!.Status);
                await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();
                Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"{path} scrolls sideways on a {size}.");
                await Accessibility.AssertNoViolationsAsync(page, path.Replace('/', '-').Trim('-'));
                await Screenshots.TakeAsync(page, path.Replace('/', '-').Trim('-') + "-" + size);
            }
            // With an error shown next to its field.
            await page.GotoAsync("/account/details");
            await page.GetByLabel("Your phone number").FillAsync("not a phone");
            await Steps.ContinueAsync(page, "Save my details");
            await Assertions.Expect(page.Locator("#Phone-error")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page, "account-details-errors");
        }

        // A new address: the link sent to it opens a page with the button, which must fit a phone too.
        const string newEmail = "mina.a.rather.long.new.address@example-new-mailbox.co.uk";
        await page.SetViewportSizeAsync(Browser.Phone.Width, Browser.Phone.Height);
        await page.GotoAsync("/account/details");
        await page.GetByLabel("Your new email address").FillAsync(newEmail);
        await Steps.ContinueAsync(page, "Email me a link to confirm it");
        var sent = await live.EmailAsync(newEmail, "Confirm your new email address");
        await page.GotoAsync(NewAddressLinkPattern().Match(sent.TextBody ?? "").Value);
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Use this address" })).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"), "The new-address page scrolls sideways on a phone.");
        await Accessibility.AssertNoViolationsAsync(page, "account-email-change");
        await page.Context.CloseAsync();
    }

    /// <summary>Asks for a link, waits for the email the dispatcher delivers, opens it and presses the button.</summary>
    private async Task<IPage> SignedInAsync(ViewportSize viewport, string email)
    {
        var page = await live.NewPageAsync(viewport);
        await page.GotoAsync("/account");
        await page.GetByLabel("Your email address").FillAsync(email);
        await Steps.ContinueAsync(page, "Email me a sign-in link");
        var message = await live.EmailAsync(email, "Your sign-in link");
        var links = LinkPattern().Matches(message.TextBody ?? "").Select(m => m.Value).ToList();
        await page.GotoAsync(links[^1]);
        await Steps.ContinueAsync(page, "Sign in");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hello, Mina Mine" })).ToBeVisibleAsync();
        return page;
    }

    /// <summary>A past visit with consent, the lower back felt and worked with the hamstrings.</summary>
    private async Task SeedAsync(string email)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var answers = scope.ServiceProvider.GetRequiredService<HealthAnswerProtector>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var client = new Client { Name = "Mina Mine", Email = email, Phone = "07700 900654", CreatedAtUtc = now };
        var booking = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 1, TreatmentId = 1, PricePence = 6000, Status = BookingStatus.Arrived, Client = client,
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(), CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booking.Move(ClinicTime.ToUtc(live.Today.AddDays(-7).ToDateTime(new TimeOnly(6, 0))));
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        db.Intakes.Add(new BookingIntake
        {
            BookingId = booking.Id, Regions = "lower-back", WorkedRegions = "lower-back hamstrings-left hamstrings-right",
            HealthConsentVersion = HealthConsent.Version, HealthConsentAtUtc = now,
            ProtectedAnswers = answers.Protect(new HealthAnswers(new Dictionary<string, bool>(), null, null, null, null, null, null, new Dictionary<string, int> { ["lower-back"] = 6 })),
        });
        await db.SaveChangesAsync();
    }

    [GeneratedRegex(@"/account/sign-in/[A-Za-z0-9_-]{43}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"/account/email/[A-Za-z0-9_-]{43}")]
    private static partial Regex NewAddressLinkPattern();
}
