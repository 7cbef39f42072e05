using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Site;

/// <summary>The cookies' names and flags, and the forwarded-headers trust list, from <see cref="SiteOptions"/>.</summary>
public static class SiteCookies
{
    public const string AntiforgeryName = "hm-af";
    public const string TempDataName = "hm-td";
    public const string BookingName = "hm-booking";

    /// <summary>
    /// The booking-in-progress cookie: HttpOnly, and <c>__Host-</c> so no other site or subdomain can plant one.
    /// Lax rather than Strict, so a client who opens their own booking page from another app still has it;
    /// every post that changes a booking also carries an antiforgery token.
    /// </summary>
    public static (string Name, CookieOptions Options) Booking(bool secure, TimeSpan maxAge) =>
        (secure ? "__Host-" + BookingName : BookingName, new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = secure,
            SameSite = SameSiteMode.Lax,
            MaxAge = maxAge,
            IsEssential = true,
        });

    public static void Antiforgery(AntiforgeryOptions antiforgery, bool secure) => Harden(antiforgery.Cookie, AntiforgeryName, secure);

    /// <summary>TempData carries staff notices and invitation (set-password) links from a post to the page after it.</summary>
    public static void TempData(CookieTempDataProviderOptions tempData, bool secure) => Harden(tempData.Cookie, TempDataName, secure);

    private static void Harden(CookieBuilder cookie, string name, bool secure)
    {
        // "__Host-" makes the browser refuse the cookie unless it is Secure, host-only and for path "/".
        cookie.Name = secure ? "__Host-" + name : name;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Strict;
        cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }

    public static void TrustOnly(ForwardedHeadersOptions forwarded, IEnumerable<string> knownProxies)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // The defaults trust loopback; we trust exactly the configured proxies. With both lists empty the
        // middleware would trust everyone, which is why it only runs when a proxy is listed (UseSite).
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in knownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
    }
}
