using System.Net;
using HemelMassage.Web.Data;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// Binds the whole section, so a new property is read with no further code. Development's default
    /// (plain-http cookies) is set before binding, so a configured value still wins; the cache expiry left
    /// unset follows the database. A proxy that is not an address stops the start.
    /// </summary>
    public static OptionsBuilder<SiteOptions> AddTo(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        return services.AddOptions<SiteOptions>()
            .Configure<IHostEnvironment>((o, environment) => o.SecureCookies = !environment.IsDevelopment())
            .BindConfiguration(Section)
            // The engine straight from configuration: a bad Database section is reported by its own check, once.
            .PostConfigure<IConfiguration>((o, configuration) => o.ContentCacheExpiry ??=
                configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>()?.IsPostgres == true ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(12))
            .ValidateOnStart();
    }
}

/// <summary>Names the proxy that is not an address, so the operator knows which line to fix.</summary>
public sealed class SiteOptionsValidator : IValidateOptions<SiteOptions>
{
    public ValidateOptionsResult Validate(string? name, SiteOptions options)
    {
        var bad = options.KnownProxies.FirstOrDefault(proxy => !IPAddress.TryParse(proxy, out _));
        return bad is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(
            $"Site:KnownProxies: \"{bad}\" is not an IP address. List each reverse proxy by its address, for example Site__KnownProxies__0=10.0.0.5.");
    }
}
