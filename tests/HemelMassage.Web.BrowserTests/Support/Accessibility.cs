using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// axe-core's WCAG 2.2 A and AA rules, run in the page. axe-core's own script (the copy inside Deque.AxeCore,
/// 4.14) is put into the page once per document and run there, and only each violation's rule, impact, help
/// and elements come back: Deque's <c>page.RunAxe</c> took 1.5 to 6 s a scan on this machine, where putting the
/// script in took 0.15 to 0.25 s and running the same rules 0.1 s, because it sends everything axe found
/// (every passing rule and element too) out of the browser and through JSON twice.
/// </summary>
public static class Accessibility
{
    private static readonly string[] s_wcag22AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly Lazy<string> s_axeSource = new(() =>
    {
        const string name = "Deque.AxeCore.Commons.Resources.axe.min.js";
        using var stream = typeof(AxeRunOptions).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not in Deque.AxeCore.Commons any more.");
        return new StreamReader(stream).ReadToEnd();
    });

    // resultTypes: axe still checks every element against every rule, and reports every element of every
    // violation; of the rules that pass or do not apply it keeps one element each, which nothing here reads.
    private const string Scan = """
        async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }))
            .violations.map(v => `${v.id} (${v.impact}): ${v.help}\n    ` + v.nodes.map(n => n.html).join('\n    '))
        """;

    private static readonly ConcurrentDictionary<string, byte> s_passed = new(StringComparer.Ordinal);

    /// <summary>
    /// Fails with every violation of the WCAG 2.2 A and AA rules axe-core knows, and the elements at fault.
    /// <paramref name="view"/>, when given, names what was scanned for <see cref="AssertNoViolationsOnceAsync"/>.
    /// </summary>
    public static async Task AssertNoViolationsAsync(IPage page, string? view = null)
    {
        // axe is put into the top document only; a frame would need it too, or its content would go unscanned.
        Assert.True(page.Frames.Count == 1, $"{page.Url} has {page.Frames.Count - 1} frame(s): put axe into each frame to scan them.");
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            // Evaluated by Playwright (checked to work under the site's Content-Security-Policy, which allows no inline script).
            await page.EvaluateAsync("source => { (0, eval)(source); }", s_axeSource.Value);
        }
        var problems = await page.EvaluateAsync<string[]>(Scan, s_wcag22AA);
        Assert.True(problems.Length == 0, $"Accessibility violations on {page.Url}:\n" + string.Join("\n", problems));
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
