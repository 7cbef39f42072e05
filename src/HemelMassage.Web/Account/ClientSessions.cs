using System.Security.Claims;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Account;

/// <summary>
/// The client's own sign-in: an authentication scheme of its own, apart from the staff's Identity cookies, so a
/// client session never opens a staff page (those authenticate only with Identity's scheme) and a staff session
/// is not a client one. The cookie holds a random secret; the <see cref="ClientSession"/> row behind it decides.
/// </summary>
public sealed class ClientSessions(ClinicDbContext db, TimeProvider clock) : Book.ISignedInClient
{
    public const string Scheme = "Client";
    public const string CookieName = "hm-client";
    private const string SecretClaim = "client-session";

    /// <summary>Ends after this long with no request: the cookie's own expiry, renewed as the client moves about.</summary>
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    /// <summary>Ends this long after signing in, however busy: the session row's age.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromHours(4);
    // A fresh cookie on every response would be work for nothing; a minute's slack on a 30-minute rule is nothing.
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(1);

    public async Task SignInAsync(HttpContext http, int clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var secret = Secrets.NewToken();
        // Reading a page writes nothing, so sessions past their longest are swept here, by the next sign-in.
        await db.ClientSessions.Where(s => s.CreatedAtUtc <= now - Longest).ExecuteDeleteAsync(cancellationToken);
        db.ClientSessions.Add(new ClientSession { SecretHash = Secrets.Hash(secret), ClientId = clientId, CreatedAtUtc = now });
        await db.SaveChangesAsync(cancellationToken);
        var identity = new ClaimsIdentity([new Claim(SecretClaim, secret)], Scheme);
        // Not persistent: the cookie carries no Expires and goes when the browser closes; the row ends it sooner.
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = false });
    }

    /// <summary>Deletes the session row, so the cookie (and any copy of it) stops working, and drops the cookie.</summary>
    public async Task SignOutAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(Scheme);
        if (result.Principal?.FindFirstValue(SecretClaim) is { } secret)
        {
            var hash = Secrets.Hash(secret);
            await db.ClientSessions.Where(s => s.SecretHash == hash).ExecuteDeleteAsync(cancellationToken);
        }
        await http.SignOutAsync(Scheme);
    }

    /// <summary>Ends every session of the client but the one making this request (after their email address changed).</summary>
    public async Task EndOthersAsync(HttpContext http, int clientId, CancellationToken cancellationToken)
    {
        var result = await http.AuthenticateAsync(Scheme);
        var current = result.Principal?.FindFirstValue(SecretClaim) is { } secret ? Secrets.Hash(secret) : "";
        await db.ClientSessions.Where(s => s.ClientId == clientId && s.SecretHash != current).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The signed-in client's id, or null: no cookie, an ended session, or a client since erased.</summary>
    public static async Task<int?> ClientIdAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(Scheme);
        return int.TryParse(result.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
    }

    /// <summary>The signed-in client's record, untracked; null when nobody is signed in.</summary>
    public async Task<Clients.Client?> FindAsync(HttpContext http, CancellationToken cancellationToken) =>
        await ClientIdAsync(http) is int id ? await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) : null;

    /// <summary>
    /// On every request with an unexpired cookie: the row must exist and be younger than <see cref="Longest"/>. Nothing
    /// is written (a page read changes nothing); the idle rule is the cookie's sliding expiry, renewed here.
    /// </summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<ClinicDbContext>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var secret = context.Principal?.FindFirstValue(SecretClaim);
        var hash = secret is null ? null : Secrets.Hash(secret);
        var session = hash is null ? null : await db.ClientSessions.AsNoTracking().FirstOrDefaultAsync(s => s.SecretHash == hash, context.HttpContext.RequestAborted);
        if (session is null || now - session.CreatedAtUtc >= Longest)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        if (context.Properties.IssuedUtc is not { } issued || now - issued.UtcDateTime >= RenewEvery)
        {
            context.ShouldRenew = true;
        }
        // The client id comes from the row, never from the cookie.
        var identity = new ClaimsIdentity([new Claim(SecretClaim, secret!), new Claim(ClaimTypes.NameIdentifier, session.ClientId.ToString(System.Globalization.CultureInfo.InvariantCulture))], Scheme);
        context.ReplacePrincipal(new ClaimsPrincipal(identity));
    }
}
