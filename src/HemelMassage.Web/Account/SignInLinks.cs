using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Account;

/// <summary>
/// "Email me a sign-in link". The page must not tell whether an address is a client's, in its words or its time,
/// so the request does the same work for every address: it records the request (a <see cref="MailboxLink"/> row
/// whose token nobody holds) and returns. The email side (<see cref="QueueAsync"/>, on the outbox's
/// background pass) looks the address up and, for a client only, gives the row a fresh token and emails it.
/// </summary>
public sealed class SignInLinks(ClinicDbContext db, TimeProvider clock, IBookingNotifications notifications, ClinicOptions clinic) : IOutboxFeed
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    /// <summary>Per address: this many requests in <see cref="Lifetime"/>, then nothing more is recorded (the page reads the same).</summary>
    public const int PerEmail = 3;

    public async Task RequestAsync(string email, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var address = email.Trim().ToLowerInvariant();
        var since = now - Lifetime;
        if (await db.MailboxLinks.CountAsync(l => l.Purpose == MailboxLinkPurpose.SignIn && l.Email == address && l.CreatedAtUtc > since, cancellationToken) >= PerEmail)
        {
            return;
        }
        db.MailboxLinks.Add(new MailboxLink
        {
            // A hash of a token that is thrown away: until the email side decides, the row opens nothing.
            TokenHash = Secrets.Hash(Secrets.NewToken()), Purpose = MailboxLinkPurpose.SignIn, Email = address,
            CreatedAtUtc = now, ExpiresAtUtc = now + Lifetime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Looks up the addresses of requests not yet decided; emails a link to each that is a client's. Returns how many were sent.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.MailboxLinks.Where(l => l.Purpose == MailboxLinkPurpose.SignIn && l.DecidedAtUtc == null)
            .OrderBy(l => l.Id).Take(50).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var request in waiting)
        {
            request.DecidedAtUtc = now;
            if (request.ExpiresAtUtc <= now)
            {
                continue;
            }
            var client = await db.Clients.Where(c => c.Email == request.Email).OrderBy(c => c.Id).FirstOrDefaultAsync(cancellationToken);
            if (client is null)
            {
                continue;
            }
            var token = Secrets.NewToken();
            request.TokenHash = Secrets.Hash(token);
            request.ClientId = client.Id;
            notifications.MailboxLink(db, new MailboxLinkNotice(client.Email, client.Name, MailboxLinkPurpose.SignIn,
                clinic.AbsoluteUrl(MailboxLink.PathOf(MailboxLinkPurpose.SignIn, token)), request.ExpiresAtUtc, Booking: null));
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }
}
