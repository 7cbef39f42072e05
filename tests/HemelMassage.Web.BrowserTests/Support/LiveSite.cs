using System.Globalization;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>
/// The site on Kestrel on a loopback port, with a real SQLite file, its email dispatcher sending to a real
/// SMTP server on loopback, and one Chromium for the tests that share it.
/// </summary>
public class LiveSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public LiveSite() : this(new SiteFactory())
    {
    }

    protected LiveSite(SiteFactory site)
    {
        Site = site
            .With("Email:Host", "127.0.0.1")
            .With("Email:Port", Smtp.Port.ToString(CultureInfo.InvariantCulture))
            .With("Email:TlsMode", "None")
            .With("Email:PollInterval", "00:00:00.2");
    }

    public SiteFactory Site { get; }

    public TestSmtpServer Smtp { get; } = new();

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Site.UseKestrel(0);
        Site.StartServer();
        var addresses = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        (_playwright, Browser) = await Support.Browser.LaunchAsync();
    }

    public async Task<IPage> NewPageAsync(ViewportSize viewport)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport,
            BaseURL = BaseAddress.ToString(),
            // Our clients' browsers: dates in the date picker read 01/12/2026 as 1 December, as they would at home.
            Locale = "en-GB",
            TimezoneId = "Europe/London",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Waits for the dispatcher to deliver an email to <paramref name="to"/> whose subject starts so.</summary>
    public async Task<MimeKit.MimeMessage> EmailAsync(string to, string subject)
    {
        for (var i = 0; i < 150; i++)
        {
            var message = Smtp.Messages.FirstOrDefault(m =>
                (m.Subject ?? "").StartsWith(subject, StringComparison.Ordinal) && m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)));
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No email \"{subject}\" to {to}; the server has: "
            + string.Join("; ", Smtp.Messages.Select(m => $"{m.To} {m.Subject}")));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Site.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The site as it runs outside Development: staff must use two-factor.</summary>
public sealed class TwoFactorLiveSite() : LiveSite(new TwoFactorSiteFactory());
