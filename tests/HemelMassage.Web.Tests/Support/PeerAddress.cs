using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// The in-memory test server has no network peer, so every request comes from no address at all. This sets the
/// connection's address from an <c>X-Test-Peer</c> header before anything else runs, as a real socket would.
/// </summary>
public static class PeerAddress
{
    public const string Header = "X-Test-Peer";

    public static SiteFactory WithPeerAddresses(this SiteFactory site) =>
        site.WithServices(services => services.AddSingleton<IStartupFilter, PeerFilter>());

    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class PeerFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
