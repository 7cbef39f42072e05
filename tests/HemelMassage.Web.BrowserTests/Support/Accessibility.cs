using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

public static class Accessibility
{
    private static readonly AxeRunOptions s_wcag22AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        // Every violation with every element at fault, as before; of the rules that pass or do not apply axe
        // then reports one element each instead of all of them, which we never read and Playwright would
        // carry out of the browser as JSON on every scan.
        ResultTypes = [ResultType.Violations],
    };

    private static readonly ConcurrentDictionary<string, byte> s_passed = new(StringComparer.Ordinal);

    /// <summary>
    /// Fails with every violation of the WCAG 2.2 A and AA rules axe-core knows, and the elements at fault.
    /// <paramref name="view"/>, when given, names what was scanned for <see cref="AssertNoViolationsOnceAsync"/>.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string? view = null)
    {
        var result = await page.RunAxe(s_wcag22AA);
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}\n    " + string.Join("\n    ", v.Nodes.Select(n => n.Html)))
            .ToList();
        Assert.True(problems.Count == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", problems));
        if (view is not null)
        {
            s_passed.TryAdd(view, 0);
        }
    }

    /// <summary>
    /// The same, for a page that more than one test reaches in the same state and size (the article on a phone,
    /// the cancel question): scanned by whichever test gets there first in this run, and skipped by the others
    /// once it has passed. A test run alone still scans it. <paramref name="view"/> names the page, its state
    /// and the window size, as the screenshot of it is named; where one test shows more of a page than another
    /// (the details step with every health answer given), that test scans it always and names it, and the one
    /// that shows less scans it once under the same name.
    /// </summary>
    public static async Task AssertNoViolationsOnceAsync(IPage page, string view)
    {
        if (s_passed.ContainsKey(view))
        {
            return;
        }
        await AssertNoViolationsAsync(page, view);
    }
}
