using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>Screenshots the tests take on their way, into test-output/screenshots (ignored by git).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(
        Path.Combine(Tests.Support.RepositoryPaths.Root, "test-output", "screenshots")).FullName;

    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
}
