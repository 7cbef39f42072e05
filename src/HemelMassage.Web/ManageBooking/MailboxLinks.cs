using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.ManageBooking;

/// <summary>
/// Links sent to a client's address: the proof a booking's own link cannot give that its holder owns the
/// mailbox. A fresh 256-bit token each, stored hashed, single use; at most one is sent per request every
/// <see cref="ResendAfter"/>, so the form cannot be used to flood an inbox.
/// </summary>
public sealed class MailboxLinks(ClinicDbContext db, TimeProvider clock, IBookingNotifications notifications, ClinicOptions clinic)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan ResendAfter = TimeSpan.FromMinutes(5);

    /// <returns>False when the same link was sent a moment ago and is still unused (nothing is sent again).</returns>
    public async Task<bool> SendAsync(MailboxLinkPurpose purpose, string email, string name, int? clientId, string? pendingKey, DateTime expiresAtUtc, string? booking,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var address = email.Trim().ToLowerInvariant();
        var recent = now - ResendAfter;
        if (await db.MailboxLinks.AnyAsync(l => l.Purpose == purpose && l.Email == address && l.ClientId == clientId && l.PendingKey == pendingKey
                && l.UsedAtUtc == null && l.CreatedAtUtc > recent, cancellationToken))
        {
            return false;
        }
        var token = Secrets.NewToken();
        db.MailboxLinks.Add(new MailboxLink
        {
            TokenHash = Secrets.Hash(token), Purpose = purpose, Email = address, ClientId = clientId, PendingKey = pendingKey,
            CreatedAtUtc = now, ExpiresAtUtc = expiresAtUtc,
        });
        notifications.MailboxLink(db, new MailboxLinkNotice(email.Trim(), name, purpose, clinic.AbsoluteUrl(PathOf(purpose, token)), expiresAtUtc, booking));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>Where a link lands: the client's sign-in page, or the mailbox page that names what the button does.</summary>
    public static string PathOf(MailboxLinkPurpose purpose, string token) => purpose switch
    {
        MailboxLinkPurpose.SignIn => "/account/sign-in/",
        MailboxLinkPurpose.ChangeEmail => "/account/email/",
        _ => "/booking/email/",
    } + token;

    /// <summary>The account's own links (sign-in, a new address), which the booking's mailbox page does not act on.</summary>
    public static bool IsAccounts(MailboxLinkPurpose purpose) => purpose is MailboxLinkPurpose.SignIn or MailboxLinkPurpose.ChangeEmail;

    /// <summary>The link behind <paramref name="token"/>, used or not, expired or not; null when it never existed.</summary>
    public async Task<MailboxLink?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token!);
        return await db.MailboxLinks.FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken);
    }

    public bool IsLive(MailboxLink link) => link.UsedAtUtc is null && link.ExpiresAtUtc > clock.GetUtcNow().UtcDateTime;

    /// <summary>Marks the link used; false when another request used it first (two presses count once).</summary>
    public async Task<bool> UseAsync(MailboxLink link, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await db.MailboxLinks.Where(l => l.Id == link.Id && l.UsedAtUtc == null && l.ExpiresAtUtc > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAtUtc, now), cancellationToken);
        link.UsedAtUtc = now;
        return used == 1;
    }
}
