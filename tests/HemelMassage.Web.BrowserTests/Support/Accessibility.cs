using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

public static class Accessibility
{
    private static readonly AxeRunOptions s_wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    /// <summary>Fails with every violation of the WCAG 2.2 A and AA rules axe-core knows, and the elements at fault.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(s_wcag22AA);
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))
            .ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", problems));
    }
}
