using System.Net;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Postgres;

/// <summary>
/// Two app instances on Kestrel, each on its own loopback port, sharing one fresh PostgreSQL database:
/// the clinic behind a load balancer. Both start at the same moment, so a new database is migrated by two.
/// </summary>
public sealed class TwoInstances<TSite> : IDisposable where TSite : SiteFactory
{
    public TwoInstances(Func<TSite> make)
    {
        First = make();
        Second = make();
        Second.OnPostgres(First.EnsurePostgresDatabase());
    }

    public TSite First { get; }

    public TSite Second { get; }

    public IReadOnlyList<TSite> Both => [First, Second];

    /// <summary>One browser's cookies, sent to whichever instance the balancer picks (cookies ignore the port).</summary>
    public CookieContainer Cookies { get; } = new();

    public async Task StartAsync()
    {
        foreach (var site in Both)
        {
            site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        }
        await Task.WhenAll(Both.Select(site => Task.Run(site.StartServer)));
    }

    public Uri Address(SiteFactory site) =>
        new(site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

    /// <summary>A client of one instance that shares <see cref="Cookies"/> with every other client of the pair.</summary>
    public HttpClient Client(SiteFactory site) =>
        new(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = Address(site) };

    public void Dispose()
    {
        Second.Dispose();
        First.Dispose();
    }
}
