using HemelMassage.Web.BrowserTests.Support;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Journeys;

/// <summary>
/// "Change time" on the details step is a button of the details form placed in the summary (HTML's form attribute):
/// only a real browser shows that it posts what was typed, and that Enter in a field still continues.
/// </summary>
public sealed class ChangeTimeInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task Change_time_on_the_details_step_keeps_everything_typed_and_enter_still_continues()
    {
        var page = await live.NewPageAsync(Browser.Desktop);
        await page.GotoAsync("/book?treatment=deep-tissue");
        await Steps.ContinueAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sarah" }).CheckAsync();
        await Steps.ContinueAsync(page);
        await page.Locator("ul.dates a").Nth(2).ClickAsync();
        var times = await Steps.TimeNamesAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = times[0], Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");

        // Typed, not sent, and not finished (no phone number).
        await page.GetByLabel("Your name").FillAsync("Ann Client");
        await page.GetByLabel("Email address").FillAsync("ann@example.com");
        await page.GetByLabel("A note for your therapist (optional)").FillAsync("Lower back, left side");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Hemel Massage may keep my answers" }).CheckAsync();
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
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back", Exact = true })).ToBeCheckedAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Checkbox, new() { Name = "I agree that Hemel Massage may keep my answers" })).ToBeCheckedAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }
}
