using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.CalendarFeeds;

/// <summary>Making, replacing and stopping a therapist's calendar link, each audited; and finding the therapist behind a token.</summary>
public sealed class CalendarFeedLinks(ClinicDbContext db, TimeProvider clock, AuditLog audit, ClinicOptions clinic)
{
    public const string Made = "calendar-feed.made";
    public const string Replaced = "calendar-feed.replaced";
    public const string Stopped = "calendar-feed.stopped";

    public string UrlOf(string token) => clinic.AbsoluteUrl($"/calendar/{token}.ics");

    /// <summary>When the therapist's live link was made; null when they have none.</summary>
    public Task<DateTime?> MadeAtAsync(int therapistId, CancellationToken cancellationToken) =>
        db.CalendarFeeds.Where(f => f.TherapistId == therapistId).Select(f => (DateTime?)f.CreatedAtUtc).FirstOrDefaultAsync(cancellationToken);

    /// <summary>A new token for the therapist, replacing any earlier one; the caller shows it once and forgets it.</summary>
    public async Task<string> MakeAsync(int therapistId, CancellationToken cancellationToken)
    {
        var token = Secrets.NewToken();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var name = await NameAsync(therapistId, cancellationToken);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.TherapistId == therapistId, cancellationToken);
        if (feed is null)
        {
            db.CalendarFeeds.Add(new CalendarFeed { TherapistId = therapistId, TokenHash = Secrets.Hash(token), CreatedAtUtc = Now });
        }
        else
        {
            (feed.TokenHash, feed.CreatedAtUtc) = (Secrets.Hash(token), Now);
        }
        audit.Add(feed is null ? Made : Replaced, name, feed is null ? "" : "The earlier link stopped working.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <returns>False when the therapist had no link to stop (stopped meanwhile, or a form posted twice).</returns>
    public async Task<bool> StopAsync(int therapistId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.TherapistId == therapistId, cancellationToken);
        if (feed is null)
        {
            return false;
        }
        db.CalendarFeeds.Remove(feed);
        audit.Add(Stopped, await NameAsync(therapistId, cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The therapist a token opens, or null: a token that is malformed, never made, replaced or stopped; or a
    /// therapist whose staff account is disabled or no longer linked, since a feed on a departed member's
    /// phone must stop with their account.
    /// </summary>
    public async Task<int?> TherapistOfAsync(string? token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token!);
        return await db.CalendarFeeds
            .Where(f => f.TokenHash == hash && db.Users.Any(u => u.TherapistId == f.TherapistId && !u.IsDisabled))
            .Select(f => (int?)f.TherapistId)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<string> NameAsync(int therapistId, CancellationToken cancellationToken) =>
        await db.Therapists.Where(t => t.Id == therapistId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken) ?? $"therapist {therapistId}";
}
