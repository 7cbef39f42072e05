using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// Screenshots the tests take on their way, into test-output/screenshots (ignored by git), for the pictures in
/// README.md and docs/ (docs/screenshots/pick.sh picks them). Only when asked, with <c>HEMEL_SCREENSHOTS=1</c>:
/// a full-page screenshot costs a browser about as much as loading the page, and no test asserts anything of it.
/// </summary>
public static class Screenshots
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("HEMEL_SCREENSHOTS") == "1";

    public static string Folder => Directory.CreateDirectory(
        Path.Combine(Tests.Support.RepositoryPaths.Root, "test-output", "screenshots")).FullName;

    public static Task TakeAsync(IPage page, string name) => Enabled
        ? page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true })
        : Task.CompletedTask;

    /// <summary>One element of the page only (the body map).</summary>
    public static Task TakeAsync(ILocator element, string name) => Enabled
        ? element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Folder, name + ".png") })
        : Task.CompletedTask;
}
