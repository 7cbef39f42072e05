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

    public static SiteOptions Read(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = new SiteOptions { SecureCookies = !environment.IsDevelopment() };
        configuration.GetSection(Section).Bind(options);
        return options;
    }
}
