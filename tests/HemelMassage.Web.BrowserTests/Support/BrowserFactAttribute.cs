using System.Runtime.CompilerServices;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped, except in CI (CI=true), where a
/// missing browser must fail the run instead. <c>dotnet test</c> at its default verbosity lists a skipped
/// test by name only, so the reason goes into the name it lists.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        (Skip, DisplayName) = Browser.SkipFor(test, file);
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute([CallerMemberName] string test = "", [CallerFilePath] string file = "") =>
        (Skip, DisplayName) = Browser.SkipFor(test, file);
}
