using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Support;

/// <summary>The site on Kestrel on a loopback port, with a real SQLite file, and one Chromium for the tests that share it.</summary>
public sealed class LiveSite : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public SiteFactory Site { get; } = new();

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
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport, BaseURL = BaseAddress.ToString() });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
