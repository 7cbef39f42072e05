using HemelMassage.Web.BrowserTests.Support;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Journeys;

/// <summary>
/// The booking steps whose truth only a real browser shows: "Change time" on the details step is a button of the
/// details form placed in the summary (HTML's form attribute), so it posts what was typed while Enter in a field
/// still continues; and the pages that refuse another browser and ask before cancelling pass axe.
/// </summary>
public sealed class BookingStepsInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task Change_time_on_the_details_step_keeps_everything_typed_and_enter_still_continues()
    {
        var page = await live.NewPageAsync(Browser.Desktop);
        await page.GotoAsync("/book?treatment=deep-tissue");
        await Steps.ContinueAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sarah" }).CheckAsync();
        await Steps.ContinueAsync(page);
        await Steps.OpenDayAsync(page, live.Today.AddDays(2));
        var times = await Steps.TimeNamesAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = times[0], Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");

        // Typed, not sent, and not finished (no phone number).
        await page.GetByLabel("Your name").FillAsync("Ann Client");
        await page.GetByLabel("Email address").FillAsync("ann@example.com");
        await page.GetByLabel("A note for your therapist (optional)").FillAsync("Lower back, left side");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Hemel Massage may keep my answers" }).CheckAsync();
        // With the script the list of areas is folded behind the figure; a keyboard or screen reader opens it.
        await page.Locator("#region-list > summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back", Exact = true }).CheckAsync();
        await page.GetByLabel("What makes it worse?").FillAsync("Sitting at my desk");

        // Enter in a field sends the form to be checked, as it always did: it does not change the time.
        await page.GetByLabel("Your name").FocusAsync();
        await Steps.PressEnterAsync(page);
        Assert.Contains("/book/details/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#Phone-error")).ToBeVisibleAsync();

        await Steps.ContinueAsync(page, "Change time");
        Assert.Contains("/book/times?", page.Url, StringComparison.Ordinal);
        var other = (await Steps.TimeNamesAsync(page)).First(t => t != times[0]);
        await page.GetByRole(AriaRole.Radio, new() { Name = other, Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");

        Assert.Contains("/book/details/", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync(other.Split(" with ")[0].Split(", ")[^1]);
        await Assertions.Expect(page.GetByLabel("Your name")).ToHaveValueAsync("Ann Client");
        await Assertions.Expect(page.GetByLabel("Email address")).ToHaveValueAsync("ann@example.com");
        await Assertions.Expect(page.GetByLabel("A note for your therapist (optional)")).ToHaveValueAsync("Lower back, left side");
        await Assertions.Expect(page.GetByLabel("What makes it worse?")).ToHaveValueAsync("Sitting at my desk");
        await page.Locator("#region-list > summary").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Hemel Massage may keep my answers" })).ToBeCheckedAsync();
        // The details step with an area, its pain questions and the health questions open: BodyMapInABrowserTests
        // scans it with every answer given too.
        await Accessibility.AssertNoViolationsOnceAsync(page, "details-health-open-desktop");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Cancelling_asks_on_a_page_naming_the_booking_and_another_browser_is_refused_plainly()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        await page.GotoAsync("/book?treatment=deep-tissue");
        await Steps.ContinueAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "No preference" }).CheckAsync();
        await Steps.ContinueAsync(page);
        // Days ahead, so the booking is outside the cut-off and can be cancelled online.
        await Steps.OpenDayAsync(page, live.Today.AddDays(4));
        await page.GetByRole(AriaRole.Radio, new() { Name = (await Steps.TimeNamesAsync(page))[0], Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");
        var details = page.Url;
        await Steps.FillDetailsAsync(page, $"cancel-{Guid.NewGuid():n}@example.com");
        await Steps.ContinueAsync(page, "Continue to check your booking");

        // Someone else's browser with the same address sees nothing of it.
        var stranger = await live.NewPageAsync(Browser.Phone);
        Assert.Equal(403, (await stranger.GotoAsync(details))!.Status);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "This booking was started in another browser" })).ToBeVisibleAsync();
        Assert.Equal(0, await stranger.GetByText("Ann Client").CountAsync());
        await Accessibility.AssertNoViolationsAsync(stranger);
        await stranger.Context.CloseAsync();

        await Steps.ContinueAsync(page, "Confirm booking");
        var manage = new Uri(await page.Locator("#manage-link").InnerTextAsync()).PathAndQuery;
        await page.GotoAsync(manage);
        await Steps.ContinueAsync(page, "Cancel this booking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Cancel booking HM-") })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsOnceAsync(page, "cancel-question-phone");
        await Steps.ContinueAsync(page, "Yes, cancel this booking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is cancelled" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is cancelled: Deep tissue massage with");
        await Accessibility.AssertNoViolationsOnceAsync(page, "cancelled-phone");
        await page.Context.CloseAsync();
    }
}
