namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// A test that needs Debian's Chromium. Without it the test is skipped with the reason printed,
/// except in CI (CI=true), where a missing browser must fail the run instead.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Browser.IsInstalled && !Browser.IsCi)
        {
            Skip = $"Chromium is not installed at {Browser.ExecutablePath} (apt-get install chromium); browser tests skipped.";
        }
    }
}

public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (!Browser.IsInstalled && !Browser.IsCi)
        {
            Skip = $"Chromium is not installed at {Browser.ExecutablePath} (apt-get install chromium); browser tests skipped.";
        }
    }
}
