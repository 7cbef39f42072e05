using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Staff;

/// <summary>Creates the first Owner from a one-time link written to the log when the site starts with no staff.</summary>
public sealed class FirstOwnerSetup(ClinicDbContext db, UserManager<StaffUser> users, AuditLog audit, TimeProvider clock, ClinicOptions clinic)
{
    public const string Path = "admin/account/setup";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    /// <summary>A fresh link (older ones stop working) when there is no staff account; otherwise null.</summary>
    public async Task<string?> IssueIfNoStaffAsync()
    {
        if (await db.Users.AnyAsync())
        {
            return null;
        }
        var token = Secrets.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.StaffSetupTokens.Where(t => t.UsedUtc == null).ExecuteDeleteAsync();
        db.Add(new StaffSetupToken { TokenHash = Secrets.Hash(token), CreatedUtc = now, ExpiresUtc = now + Lifetime });
        await db.SaveChangesAsync();
        return clinic.AbsoluteUrl($"{Path}?token={token}");
    }

    public async Task<bool> IsValidAsync(string? token) => await FindAsync(token) is not null && !await db.Users.AnyAsync();

    /// <summary>Creates the Owner and uses up the token, in one writer transaction so two browsers cannot both succeed.</summary>
    public async Task<IdentityResult> CompleteAsync(string token, string email, string displayName, string password)
    {
        await using var transaction = await db.BeginWriteTransactionAsync();
        var row = await FindAsync(token);
        if (row is null || await db.Users.AnyAsync())
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken", Description = "This setup link no longer works." });
        }
        var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }
        await users.AddToRoleAsync(user, StaffRoles.Owner);
        row.UsedUtc = clock.GetUtcNow().UtcDateTime;
        await audit.SaveAsync("staff.created", email, "First Owner, from the one-time setup link.", email);
        await transaction.CommitAsync();
        return IdentityResult.Success;
    }

    private async Task<StaffSetupToken?> FindAsync(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }
        var hash = Secrets.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.StaffSetupTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.UsedUtc == null && t.ExpiresUtc > now);
    }

}

/// <summary>
/// On a start with no staff, writes the one-time setup link to the log (the create-owner command is the
/// alternative). Runs once the site is serving, like the other background jobs, so the check's first
/// database query does not hold up the first visitor.
/// </summary>
public sealed class FirstOwnerOffer(IServiceScopeFactory scopes, BackgroundStart backgroundStart, ILogger<FirstOwnerOffer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await backgroundStart.WaitAsync(stoppingToken))
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var link = await scope.ServiceProvider.GetRequiredService<FirstOwnerSetup>().IssueIfNoStaffAsync();
            if (link is not null)
            {
                logger.LogWarning("No staff accounts yet. Within 24 hours, open {SetupLink} to create the first Owner (it works once), or run: create-owner you@example.com", link);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Could not check for staff accounts; the create-owner command still works");
        }
    }
}
