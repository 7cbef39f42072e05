using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Book;

/// <summary>
/// The browser that started a booking: a second 256-bit secret in an HttpOnly cookie, stored on the booking in
/// progress only as a hash. The key in the address may leak (shared, bookmarked, in a history); this does not.
/// </summary>
public sealed class BookingBrowser(IOptions<SiteOptions> site, IOptions<BookingOptions> booking)
{
    private string CookieName => SiteCookies.Booking(site.Value.SecureCookies, TimeSpan.Zero).Name;

    public string? SecretOf(HttpContext http) =>
        http.Request.Cookies[CookieName] is { } value && Secrets.LooksLikeToken(value) ? value : null;

    /// <summary>The browser's secret, made now if it has none; the cookie is (re)sent to outlive the booking in progress.</summary>
    public string Ensure(HttpContext http)
    {
        var secret = SecretOf(http) ?? Secrets.NewToken();
        var (name, options) = SiteCookies.Booking(site.Value.SecureCookies, booking.Value.PendingLifetime + PendingBookings.KeptAfterExpiry);
        http.Response.Cookies.Append(name, secret, options);
        return secret;
    }
}
