using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.Net.Http.Headers;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Site;

public static class SiteServiceCollectionExtensions
{
    public static IServiceCollection AddSite(this IServiceCollection services)
    {
        SiteOptions.AddTo(services);
        services.AddSingleton<BackgroundStart>();
        services.AddAntiforgery();
        services.AddOptions<AntiforgeryOptions>().Configure<IOptions<SiteOptions>>((antiforgery, site) => SiteCookies.Antiforgery(antiforgery, site.Value.SecureCookies));
        services.AddOptions<CookieTempDataProviderOptions>().Configure<IOptions<SiteOptions>>((tempData, site) => SiteCookies.TempData(tempData, site.Value.SecureCookies));
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SiteOptions>>((forwarded, site) => SiteCookies.TrustOnly(forwarded, site.Value.KnownProxies));
        services.AddSiteRateLimits();
        services.AddSingleton(TimeProvider.System);
        // Write £, é and curly quotes as themselves rather than as &#xA3; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddControllersWithViews(mvc =>
        {
            FormMessages.Apply(mvc);
            mvc.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            mvc.Conventions.Add(new HeadLikeGet());
            // jQuery-style keys ("a[b]" read as "a.b") are for scripts this site does not have, and the jQuery
            // providers throw on a key with an unclosed "[": a 500 for one odd field name. The standard
            // providers bind every form here, "Answers[code]" included.
            mvc.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
            mvc.ValueProviderFactories.RemoveType<JQueryQueryStringValueProviderFactory>();
        });
        services.Configure<RazorViewEngineOptions>(razor => razor.ViewLocationExpanders.Add(new FeatureViews()));
        services.AddRouting(routing =>
        {
            routing.LowercaseUrls = true;
            routing.AppendTrailingSlash = false;
        });
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<SiteOptions>>((cache, site) =>
        {
            // Pages are cached compressed (2-8 KB each); 16 MB holds thousands. The default, 100 MB, let a flood
            // of distinct addresses (every one a new key) grow the process by tens of megabytes.
            cache.SizeLimit = 16 * 1024 * 1024;
            cache.AddPolicy(ContentCache.Policy, policy => policy
                // Cached after compression, so a hit costs neither a render nor a Brotli pass.
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                .Expire(site.Value.ContentCacheExpiry!.Value)
                .Tag(ContentCache.Tag));
        });
        services.AddSingleton<ContentCache>();
        services.Configure<KestrelServerOptions>(kestrel => kestrel.AddServerHeader = false);
        services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        services.AddResponseCompression(compression =>
        {
            compression.EnableForHttps = true;
            compression.Providers.Add<BrotliCompressionProvider>();
            compression.Providers.Add<GzipCompressionProvider>();
            compression.MimeTypes = ["text/html", "application/atom+xml", "application/xml", "text/plain", "application/json"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    public static WebApplication UseSite(this WebApplication app)
    {
        // With no proxy listed nobody's X-Forwarded-For or -Proto is believed, so the middleware does not run:
        // given two empty trust lists it would believe every sender, and a fresh address per request dodges every limit.
        if (app.Services.GetRequiredService<IOptions<SiteOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        app.UseHttpsOnly();
        // A friendly page for every failure, in every environment: no client ever sees a stack trace.
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseOutputCache();
        app.UseResponseCompression();
        return app;
    }

    public static WebApplication MapSite(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapControllers().WithStaticAssets();
        app.MapHealthChecks("/healthz");
        return app;
    }
}
