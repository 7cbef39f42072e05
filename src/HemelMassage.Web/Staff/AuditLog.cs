using System.Security.Claims;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Staff;

/// <summary>Adds an <see cref="AuditEntry"/> to the unit of work; the caller's SaveChanges writes it with the change.</summary>
public sealed class AuditLog(ClinicDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public const string CommandLine = "command line";
    public const string NotSignedIn = "not signed in";

    public void Add(string action, string subject, string detail = "", string? actor = null)
    {
        var user = http.HttpContext?.User;
        var signedIn = user?.Identity?.IsAuthenticated == true;
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            ActorId = signedIn ? user!.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            Actor = actor ?? (signedIn ? user!.Identity!.Name ?? "" : NotSignedIn),
            Action = action,
            Subject = subject,
            Detail = detail,
        });
    }

    /// <summary>Writes the rows added so far, for reads that add theirs and leave the commit to their caller.</summary>
    public Task SaveAddedAsync(CancellationToken cancellationToken) => db.SaveChangesAsync(cancellationToken);

    public Task SaveAsync(string action, string subject, string detail = "", string? actor = null)
    {
        Add(action, subject, detail, actor);
        return db.SaveChangesAsync();
    }
}
