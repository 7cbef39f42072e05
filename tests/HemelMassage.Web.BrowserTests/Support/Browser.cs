using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here).</summary>
public static class Browser
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skip reason and a display name that carries it when Chromium is missing outside CI; nulls to run.</summary>
    public static (string? Skip, string? DisplayName) SkipFor(string test, string file)
    {
        if (IsInstalled || IsCi)
        {
            return (null, null);
        }
        var reason = $"Chromium is not installed at {ExecutablePath} (apt-get install chromium); browser tests skipped.";
        return (reason, $"{Path.GetFileNameWithoutExtension(file)}.{test} (skipped: {reason})");
    }

    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static IPlaywright? s_playwright;
    private static IBrowser? s_shared;

    /// <summary>
    /// The one Chromium of this test run, launched on first use and closed when the test process exits. Every
    /// site's tests open their own contexts in it (a context is a fresh profile: its own cookies, storage and
    /// cache, and cheap), so sharing the process shares nothing a test could see. Should Chromium itself go
    /// (a crash of the browser process), the next page opens in a new one, so one crash fails only the tests
    /// that were using it, each saying so, not every test after it.
    /// </summary>
    public static async Task<IBrowser> SharedAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            if (s_shared is { IsConnected: true })
            {
                return s_shared;
            }
            if (s_playwright is null)
            {
                AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                {
                    // Bounded: a driver that has already gone must not hold up the end of the run.
                    s_shared?.CloseAsync().Wait(TimeSpan.FromSeconds(10));
                    s_playwright?.Dispose();
                };
            }
            else
            {
                Console.Error.WriteLine("Chromium had gone (its process ended); launching a new one for the pages still to come.");
                s_playwright.Dispose();
            }
            (s_playwright, s_shared) = await LaunchAsync();
            return s_shared;
        }
        finally
        {
            s_gate.Release();
        }
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException($"Chromium is required in CI but {ExecutablePath} does not exist.");
        }
        // Expect(...) waits for its condition and returns the moment it holds; Playwright's 5 s limit is too short
        // for a page on a machine whose two cores also run the HTTP tests and PostgreSQL.
        Assertions.SetDefaultExpectTimeout(30_000);
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return (playwright, browser);
    }

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
}
