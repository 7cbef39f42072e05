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

    public static async Task ContinueAsync(IPage page, string name = "Continue")
    {
        // Every button here submits a form: wait for the page it leads to, even when it is the same address with errors.
        await NewPageAfterAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync());
    }

    public static Task PressEnterAsync(IPage page) => NewPageAfterAsync(page, () => page.Keyboard.PressAsync("Enter"));

    private static async Task NewPageAfterAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => window.__before = true");
        await action();
        await page.WaitForFunctionAsync("() => !window.__before");
        await page.WaitForLoadStateAsync();
    }

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
