using System.Net;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Site;

/// <summary>The <c>Site</c> settings: cookies, which proxies to believe, and when background jobs start.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The antiforgery cookie is HTTPS-only and named with the <c>__Host-</c> prefix. On outside Development.</summary>
    public bool SecureCookies { get; set; } = true;

    /// <summary>
    /// Addresses of reverse proxies whose X-Forwarded-For/-Proto headers are believed. Empty (the default)
    /// means nobody's: a client cannot pick its own address and dodge the rate limits.
    /// </summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>How long after the site starts serving the background jobs make their first pass (see <see cref="BackgroundStart"/>).</summary>
    public TimeSpan BackgroundStartDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a cached home, treatments or article page is served. An edit evicts only the cache of the
    /// instance that made it, so with a shared database (several instances) the default is a minute;
    /// on SQLite (one instance) it is 12 hours.
    /// </summary>
    public TimeSpan? ContentCacheExpiry { get; set; }

    public static SiteOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new SiteOptions { SecureCookies = !environment.IsDevelopment() };
        configuration.GetSection(Section).Bind(options);
        foreach (var proxy in options.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy, out _))
            {
                throw new InvalidOperationException(
                    $"Site:KnownProxies: \"{proxy}\" is not an IP address. List each reverse proxy by its address, for example Site__KnownProxies__0=10.0.0.5.");
            }
        }
        var shared = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.IsPostgres == true;
        options.ContentCacheExpiry ??= shared ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(12);
        return options;
    }
}
