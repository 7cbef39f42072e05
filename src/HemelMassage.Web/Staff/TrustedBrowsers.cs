using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Remembers, in an encrypted cookie, the accounts that have signed in on this browser (OWASP's "device
/// cookie"). Such a browser skips the per-account slow-down of <see cref="SignInThrottle"/>: a stranger's
/// guesses on the Owner's email never keep the Owner out of the browsers she uses.
/// </summary>
public sealed class TrustedBrowsers(IDataProtectionProvider protection, IOptions<StaffOptions> options, TimeProvider clock)
{
    public const string CookieName = "hm-device";
    private const int MaxAccounts = 5;
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(365);
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("HemelMassage.Staff.TrustedBrowser.v1").ToTimeLimitedDataProtector();

    private string Name => options.Value.SecureCookies ? "__Host-" + CookieName : CookieName;

    public bool IsTrusted(HttpContext context, string account) => Read(context).Contains(account);

    public void Trust(HttpContext context, string account)
    {
        var accounts = Read(context).Where(a => a != account).Prepend(account).Take(MaxAccounts);
        var expires = clock.GetUtcNow() + Lifetime;
        context.Response.Cookies.Append(Name, _protector.Protect(string.Join('\n', accounts), expires), new CookieOptions
        {
            Path = "/",
            HttpOnly = true,
            Secure = options.Value.SecureCookies || context.Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Expires = expires,
            IsEssential = true,
        });
    }

    private List<string> Read(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(Name, out var value) || value.Length > 4096)
        {
            return [];
        }
        try
        {
            return [.. _protector.Unprotect(value, out _).Split('\n')];
        }
        catch (CryptographicException)
        {
            return [];
        }
    }
}
