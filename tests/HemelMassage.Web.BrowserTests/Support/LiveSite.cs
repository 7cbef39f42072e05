using System.Globalization;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// The site on Kestrel on a loopback port, with a real SQLite file, its email dispatcher sending to a real
/// SMTP server on loopback, driven in the run's one Chromium (<see cref="Support.Browser.SharedAsync"/>), each page
/// in a context of its own.
/// <para>
/// <b>Time.</b> The site runs on <see cref="Clock"/>, a <see cref="TestClock"/> that starts at
/// <see cref="TestClock.Start"/> (Monday 2 December 2030, 08:20 UTC, or <c>HEMEL_TEST_CLOCK</c>) and runs on with
/// real time, so Kestrel, the email dispatcher's loops and cookie lifetimes behave as in production while the
/// date and hour are the test's. A test never reads the machine's clock for the clinic's time:
/// </para>
/// <list type="bullet">
/// <item>"today" and "now" are <see cref="Today"/> and <c>live.Clock.GetUtcNow()</c>;</item>
/// <item>choose a day by rule with <see cref="Steps.OpenDayAsync"/> (e.g. <c>live.Today.AddDays(2)</c>: every hour
/// of it is outside the 24-hour cut-off), never by its position in the list, which moves with the hour;</item>
/// <item>to be later, <c>live.Clock.Advance(...)</c> or <c>live.Clock.Set(...)</c> (the fixture is shared by the
/// class: later tests see the new time);</item>
/// <item>wait for an email with <see cref="EmailAsync"/>; for the next page with <c>Steps.ContinueAsync</c> (a
/// button), <c>Steps.FollowAsync</c> (a link) or <c>Steps.PressEnterAsync</c>, then <c>Steps.AssertAt</c>; for what
/// a page shows with <c>Expect(...)</c>. Never a fixed sleep, and not <c>WaitForURLAsync</c> or
/// <c>WaitForLoadStateAsync</c>, which can miss the event they wait for (see <c>Steps</c>);</item>
/// <item>an authenticator code is checked against the site's clock (each time step once): use <see cref="AuthenticatorCode"/>.</item>
/// </list>
/// To run the suite as if it were another hour: <c>HEMEL_TEST_CLOCK=2030-12-08T19:40:00Z dotnet test ...</c>
/// (docs/testing.md). A cookie's Expires is judged by the browser on the machine's clock: set Max-Age instead.
/// </summary>
public class LiveSite : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentBag<IBrowserContext> _contexts = [];

    public LiveSite() : this(new SiteFactory())
    {
    }

    protected LiveSite(SiteFactory site)
    {
        Site = site
            .With("Email:Host", "127.0.0.1")
            .With("Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:TlsMode", "None")
            .With("Email:PollInterval", "00:00:00.2")
            .WithServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    public SiteFactory Site { get; }

    /// <summary>The site's clock: set by the test, running on with real time.</summary>
    public TestClock Clock { get; } = new();

    /// <summary>The clinic's date (Europe/London) on <see cref="Clock"/>.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ClinicTime.ToLocal(Clock.GetUtcNow().UtcDateTime));

    public TestSmtpServer Smtp { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = Site.StartOnLoopback();
        Browser = await Support.Browser.SharedAsync();
    }

    public async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        Browser = await Support.Browser.SharedAsync();
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            BaseURL = BaseAddress.ToString(),
            // Our clients' browsers: dates in the date picker read 01/12/2026 as 1 December, as they would at home.
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>The email to <paramref name="to"/> whose subject starts so, as soon as the dispatcher delivers it.</summary>
    public Task<MimeKit.MimeMessage> EmailAsync(string to, string subject) =>
        Smtp.WaitForAsync(
            m => (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal)
                && m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(60), $"email \"{subject}\" to {to}");

    /// <summary>
    /// The code an authenticator app shows now. Identity checks codes against the machine's clock (its
    /// authenticator takes no TimeProvider), so this is the one place a browser test reads that clock.
    /// </summary>
    public string AuthenticatorCode(string key) => StaffHelpers.Totp(key, Clock.GetUtcNow());

    public async Task DisposeAsync()
    {
        // The browser outlives this site (other classes use it); the contexts this site's tests left open go with it.
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException) when (context.Browser is not { IsConnected: true })
            {
                // Its Chromium has already gone, and the context with it.
            }
        }
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The site as it runs outside Development: staff must use two-factor.</summary>
public sealed class TwoFactorLiveSite() : LiveSite(new TwoFactorSiteFactory());
