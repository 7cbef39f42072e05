using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Intake;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HemelMassage.Web.BrowserTests.Journeys;

/// <summary>The booking steps on a 390 x 844 phone, measured in Chromium.</summary>
public sealed class PhoneSizedTests(LiveSite live, ITestOutputHelper output) : IClassFixture<LiveSite>
{
    [BrowserFact]
    public async Task Every_area_of_the_body_figure_is_a_tap_target_of_at_least_24_by_24_css_px_on_a_390_px_phone()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        await ToDetailsAsync(page);

        var areas = await page.Locator("#where svg.body-figure [data-region]").AllAsync();
        var sizes = new List<(string Code, float Width, float Height)>();
        foreach (var area in areas)
        {
            var box = await area.BoundingBoxAsync() ?? throw new InvalidOperationException("An area of the figure is not drawn.");
            sizes.Add((await area.GetAttributeAsync("data-region") ?? "?", box.Width, box.Height));
        }

        Assert.Equal(BodyRegions.All.Select(r => r.Code).Order(), sizes.Select(s => s.Code).Order());
        var small = sizes.Where(s => s.Width < 24 || s.Height < 24).Select(s => $"{s.Code} {s.Width:0.#}x{s.Height:0.#}").ToList();
        output.WriteLine("Smallest area: " + string.Join(", ", sizes.OrderBy(s => Math.Min(s.Width, s.Height)).Take(3).Select(s => $"{s.Code} {s.Width:0.#}x{s.Height:0.#}")));
        Assert.True(small.Count == 0, "Smaller than 24 x 24 CSS px at 390 px: " + string.Join(", ", small));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= innerWidth"), "The details step scrolls sideways.");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_details_step_folds_the_area_list_and_the_pain_questions_until_needed_and_the_consent_opens_the_health_questions()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        await ToDetailsAsync(page);
        output.WriteLine($"Details step at 390 px: {await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight")} px tall");

        Assert.False(await page.Locator("#region-list").EvaluateAsync<bool>("d => d.open"));
        Assert.False(await page.Locator("#health").EvaluateAsync<bool>("d => d.open"));
        await Assertions.Expect(page.GetByLabel("How strong is it")).ToBeHiddenAsync();

        await page.Locator("svg [data-region=lower-back]").ClickAsync();
        await Assertions.Expect(page.GetByLabel("How strong is it")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("^I agree that Hemel Massage may keep") }).CheckAsync();
        Assert.True(await page.Locator("#health").EvaluateAsync<bool>("d => d.open"));
        // BodyMapInABrowserTests scans this step on a phone with the same parts open and every answer given.
        await Accessibility.AssertNoViolationsOnceAsync(page, "details-health-open-phone");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task On_a_phone_the_first_time_and_the_continue_button_are_on_screen_together()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        await page.GotoAsync("/book/times?treatment=deep-tissue&therapist=any");
        // A whole day a few days on (today may have one hour left, which would fit anyway), as a client opens it.
        await Steps.OpenDayAsync(page, live.Today.AddDays(3));
        Assert.True(await page.Locator("input[name=Start]").CountAsync() >= 8, "The day chosen has too few times to need scrolling.");

        var first = await page.Locator("fieldset#Start label.choice").First.BoundingBoxAsync();
        var button = await page.GetByRole(AriaRole.Button, new() { Name = "Continue with this time" }).BoundingBoxAsync();

        Assert.NotNull(first);
        Assert.NotNull(button);
        Assert.InRange(first.Y, 0, Browser.Phone.Height - first.Height);
        Assert.InRange(button.Y, first.Y + first.Height, Browser.Phone.Height - button.Height);
        await page.Context.CloseAsync();
    }

    private async Task ToDetailsAsync(IPage page)
    {
        await page.GotoAsync("/book/times?treatment=sports-and-remedial&therapist=any");
        // A day a few days on (by the site's clock), and its first hour: any hour of that day will do.
        await Steps.OpenDayAsync(page, live.Today.AddDays(3));
        await page.Locator("input[name=Start]").First.CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");
        Steps.AssertAt(page, "^/book/details/");
    }
}
