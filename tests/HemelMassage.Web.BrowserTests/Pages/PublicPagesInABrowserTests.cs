using HemelMassage.Web.BrowserTests.Support;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Pages;

public sealed class PublicPagesInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    public static TheoryData<string, string> Pages => new()
    {
        { "/", "home" },
        { "/treatments", "treatments" },
        { "/articles", "articles" },
        { "/articles/why-no-stand-alone-back-massage", "article" },
        { "/about", "about" },
        { "/contact", "contact" },
        { "/privacy", "privacy" },
        { "/no-such-page", "not-found" },
    };

    [BrowserTheory]
    [MemberData(nameof(Pages))]
    public async Task Every_public_page_has_no_accessibility_violations_on_a_phone_or_a_desktop(string path, string name)
    {
        foreach (var (viewport, size) in new[] { (Browser.Phone, "phone"), (Browser.Desktop, "desktop") })
        {
            var page = await live.NewPageAsync(viewport);
            var response = await page.GotoAsync(path);

            Assert.Equal(name == "not-found" ? 404 : 200, response!.Status);
            // The article is also the booking journey's first page, scanned once a run at each size.
            await Accessibility.AssertNoViolationsOnceAsync(page, $"{name}-{size}");
            await Screenshots.TakeAsync(page, $"{name}-{size}");
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task A_keyboard_user_sees_where_focus_is_and_can_skip_to_the_content()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        await page.GotoAsync("/");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        Assert.True(await skip.IsVisibleAsync());
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.Equal("solid", outline);

        await page.Keyboard.PressAsync("Enter");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task An_article_page_loads_no_javascript()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        var scripts = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.ResourceType == "script")
            {
                scripts.Add(request.Url);
            }
        };

        await page.GotoAsync("/articles/why-no-stand-alone-back-massage");

        Assert.Empty(scripts);
        Assert.Equal(0, await page.Locator("script:not([type='application/ld+json'])").CountAsync());
    }
}
