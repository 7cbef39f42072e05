using HemelMassage.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Site;

/// <summary>
/// With secure cookies on (everywhere but Development), a request over plain HTTP is sent to the same
/// path on the clinic's HTTPS address (<c>Clinic:BaseUrl</c>): the booking and staff forms rely on HTTPS-only cookies and could not work over HTTP.
/// A request that a reverse proxy forwarded, from a proxy not listed in <c>Site:KnownProxies</c>, is not
/// redirected (that would loop for ever) but logged once, with what to change.
/// </summary>
public static class HttpsOnly
{
    public static IApplicationBuilder UseHttpsOnly(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SiteOptions>>().Value;
        if (!options.SecureCookies)
        {
            return app;
        }
        // The clinic's own address, not the request's Host header, which a client can set to anything.
        var host = app.Services.GetRequiredService<ClinicOptions>().BaseUri.Authority;
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(HttpsOnly).FullName!);
        var warnedAboutProxy = 0;
        return app.Use((context, next) =>
        {
            var request = context.Request;
            // Load balancers probe the health check over plain HTTP.
            if (request.IsHttps || request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase))
            {
                return next(context);
            }
            if (request.Headers.ContainsKey("X-Forwarded-Proto"))
            {
                if (Interlocked.Exchange(ref warnedAboutProxy, 1) == 0)
                {
                    logger.LogError(
                        "A request from {Proxy} was forwarded by a reverse proxy that is not in Site:KnownProxies, so it counts as plain HTTP and its forms cannot work. " +
                        "List the proxy's address in Site:KnownProxies (for example Site__KnownProxies__0={Proxy}).",
                        context.Connection.RemoteIpAddress, context.Connection.RemoteIpAddress);
                }
                return next(context);
            }
            var target = $"https://{host}{request.PathBase}{request.Path}{request.QueryString}";
            context.Response.StatusCode = StatusCodes.Status308PermanentRedirect;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        });
    }
}
