using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>What a client does on the booking pages, written once for the journeys.</summary>
public static partial class Steps
{
    /// <summary>
    /// "Monday 30 November, 10:00 to 11:00 with Sarah": a time choice names its day (with the year when it is not
    /// this year), start, end and therapist; ", changes by phone only" may follow.
    /// </summary>
    [GeneratedRegex(@"^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+( \d{4})?, \d\d:\d\d to \d\d:\d\d with .+$")]
    public static partial Regex FullTimeLabel();

    public static ILocator TimeChoices(IPage page) => page.Locator("input[name=Start]");

    /// <summary>The accessible name of each time radio, as a screen reader announces it (from Chromium's accessibility tree).</summary>
    public static async Task<List<string>> TimeNamesAsync(IPage page)
    {
        var snapshot = await page.Locator("fieldset#Start").AriaSnapshotAsync();
        return [.. RadioName().Matches(snapshot).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal))];
    }

    [GeneratedRegex("""- radio "(.*?)"(?: \[checked\])?:?$""", RegexOptions.Multiline)]
    private static partial Regex RadioName();

    /// <summary>
    /// Opens the first day in "Other dates with free times" that is on or after <paramref name="earliest"/> (a day
    /// chosen by rule, e.g. <c>live.Today.AddDays(2)</c>, not by its place in the list) and returns it.
    /// </summary>
    public static async Task<DateOnly> OpenDayAsync(IPage page, DateOnly earliest)
    {
        foreach (var link in await page.Locator("ul.dates a").AllAsync())
        {
            var date = DateInLink().Match(await link.GetAttributeAsync("href") ?? "");
            if (date.Success && DateOnly.ParseExact(date.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture) is var day && day >= earliest)
            {
                // A link, so wait for the new page: reading the times before it arrives would read the old day's.
                await FollowAsync(page, link);
                return day;
            }
        }
        throw new InvalidOperationException($"No day from {earliest:yyyy-MM-dd} among the dates offered on {page.Url}.");
    }

    [GeneratedRegex(@"[?&]date=(\d{4}-\d{2}-\d{2})")]
    private static partial Regex DateInLink();

    public static async Task ContinueAsync(IPage page, string name = "Continue")
    {
        // Every button here submits a form: wait for the page it leads to, even when it is the same address with errors.
        await NewPageAfterAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync());
    }

    /// <summary>Clicks a link and waits for the page it opens (a click alone returns before the new page arrives).</summary>
    public static Task FollowAsync(IPage page, ILocator link) => NewPageAfterAsync(page, () => link.ClickAsync());

    public static Task PressEnterAsync(IPage page) => NewPageAfterAsync(page, () => page.Keyboard.PressAsync("Enter"));

    /// <summary>
    /// Waits inside the browser for the next page to have loaded. Playwright .NET's WaitForURLAsync and
    /// WaitForLoadStateAsync look at the page and only then subscribe to its events, so a navigation or load
    /// delivered in between (by the thread that reads the browser's messages) is lost and the wait runs out its
    /// whole timeout however long it is (playwright-dotnet issue 3364): what timed out the staff journey at 30 s
    /// and again at 90 s under load. A condition evaluated in the page has no such gap.
    /// </summary>
    private static async Task NewPageAfterAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => window.__before = true");
        await action();
        await page.WaitForFunctionAsync("() => !window.__before && document.readyState === 'complete'");
    }

    /// <summary>The page now shown is at <paramref name="path"/> (read once a Steps call has waited for it).</summary>
    public static void AssertAt(IPage page, string path) =>
        Assert.Matches(path, new Uri(page.Url).AbsolutePath);

    public static async Task FillDetailsAsync(IPage page, string email)
    {
        await page.GetByLabel("Your name").FillAsync("Ann Client");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Phone number").FillAsync("01442 123456");
        await page.GetByRole(AriaRole.Radio, new() { Name = "This is my first visit" }).CheckAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "I accept the cancellation policy" }).CheckAsync();
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>, and checks focus can be seen there.</summary>
    public static async Task TabToAsync(IPage page, string selector, int limit = 80)
    {
        for (var i = 0; i < limit; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector))
            {
                var outline = await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle");
                Assert.True(outline != "none", $"Focus on {selector} at {page.Url} has no visible outline.");
                return;
            }
        }
        throw new InvalidOperationException($"Tab never reached {selector} on {page.Url}.");
    }

    [GeneratedRegex(@"https?://[^\s""<>]+/booking/[A-Za-z0-9_-]+")]
    public static partial Regex ManageLink();

    public static string ManagePath(MimeKit.MimeMessage email)
    {
        var match = ManageLink().Match(email.TextBody ?? email.HtmlBody ?? "");
        Assert.True(match.Success, "No manage link in the email:\n" + email.TextBody);
        return new Uri(match.Value).PathAndQuery;
    }
}
