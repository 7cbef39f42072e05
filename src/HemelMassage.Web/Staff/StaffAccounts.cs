using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Staff;

public sealed record StaffMember(string Id, string Email, string DisplayName, string Role, bool IsDisabled, bool TwoFactorEnabled, bool HasPassword, int? TherapistId = null, DateTime? LockedUntilUtc = null);

public sealed record StaffChange(bool Succeeded, string? Error = null)
{
    public static StaffChange Ok { get; } = new(true);
    public static StaffChange Refused(string error) => new(false, error);
}

/// <summary>Creating, inviting, disabling and re-roling staff, and putting an account right. Every change is audited in the same save.</summary>
public sealed class StaffAccounts(
    UserManager<StaffUser> users, ClinicDbContext db, AuditLog audit, StaffPasswordLinks links, Email.StaffPasswordLinkEmail linkEmail,
    SignInThrottle throttle, TimeProvider clock)
{
    /// <summary>A forgotten-password link goes to one account at most this often, however often it is asked for.</summary>
    public static readonly TimeSpan NewPasswordLinkInterval = TimeSpan.FromMinutes(5);

    public async Task<IReadOnlyList<StaffMember>> ListAsync()
    {
        var roles = await db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var all = await db.Users.AsNoTracking().OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync();
        var now = clock.GetUtcNow();
        return all.Select(u => new StaffMember(u.Id, u.Email ?? "", u.DisplayName,
            roles.FirstOrDefault(r => r.UserId == u.Id)?.Name ?? "", u.IsDisabled, u.TwoFactorEnabled, u.PasswordHash is not null, u.TherapistId,
            u.LockoutEnd > now ? u.LockoutEnd.Value.UtcDateTime : null)).ToList();
    }

    /// <summary>Creates an account with no password and returns the one-time link that sets it.</summary>
    public async Task<(StaffChange Change, string? Link)> CreateAsync(string email, string displayName, string role, string? actor = null)
    {
        email = email.Trim();
        if (!StaffRoles.IsKnown(role))
        {
            return (StaffChange.Refused("Choose a role."), null);
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            return (StaffChange.Refused("There is already an account with that email."), null);
        }
        var user = new StaffUser { UserName = email, Email = email, DisplayName = displayName.Trim(), LockoutEnabled = true };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return (StaffChange.Refused(string.Join(" ", created.Errors.Select(e => e.Description))), null);
        }
        await users.AddToRoleAsync(user, role);
        await audit.SaveAsync("staff.created", email, $"Role {role}; a set-password link was issued.", actor);
        return (StaffChange.Ok, await SetPasswordLinkAsync(user));
    }

    public Task<string> SetPasswordLinkAsync(StaffUser user) => links.InvitationAsync(user);

    /// <summary>The Owner emails a member of staff a link to choose a new password; their current one keeps working until then.</summary>
    public Task<StaffChange> SendNewPasswordLinkAsync(string id) => ChangeAsync(id, async user =>
    {
        if (user.IsDisabled)
        {
            return StaffChange.Refused("That account is disabled: enable it first.");
        }
        linkEmail.Add(user.Email!, user.DisplayName, await links.NewPasswordAsync(user), links.NewPasswordLifetime, byOwner: true);
        audit.Add("staff.password-link-sent", user.Email ?? user.Id, "A link to choose a new password was emailed.");
        return StaffChange.Ok;
    });

    /// <summary>
    /// "Forgotten your password?" on the sign-in page. True when a link was queued; nothing is said to the person
    /// asking either way. Unknown and disabled accounts get nothing, and an account gets one link per interval.
    /// </summary>
    public async Task<bool> RequestNewPasswordLinkAsync(string email)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user?.Email is null || user.IsDisabled)
        {
            return false;
        }
        var since = clock.GetUtcNow().UtcDateTime - NewPasswordLinkInterval;
        if (await db.OutboxMessages.AnyAsync(m => m.Kind == Email.EmailKind.StaffPasswordLink && m.ToAddress == user.Email && m.CreatedAt > since))
        {
            return false;
        }
        linkEmail.Add(user.Email, user.DisplayName, await links.NewPasswordAsync(user), links.NewPasswordLifetime, byOwner: false);
        audit.Add("staff.password-link-requested", user.Email, "Asked for on the sign-in page; a link to choose a new password was emailed.", AuditLog.NotSignedIn);
        await db.SaveChangesAsync();
        return true;
    }

    /// <summary>Turns off a member's authenticator app (a lost phone): they set one up again at their next sign-in, and their sessions end now.</summary>
    public Task<StaffChange> ResetTwoFactorAsync(string id, string actorId) => ChangeAsync(id, async user =>
    {
        if (user.Id == actorId)
        {
            return StaffChange.Refused("Reset your own authenticator app from Your account.");
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, and a new security stamp: every session of the account ends at its next request (StaffSessions).
        await users.ResetAuthenticatorKeyAsync(user);
        audit.Add("staff.two-factor-reset", user.Email ?? user.Id, "Reset by the Owner; a new authenticator app must be set up at the next sign-in.");
        return StaffChange.Ok;
    });

    /// <summary>Lifts a lockout (too many wrong authenticator codes) and forgets the wrong passwords typed for the account.</summary>
    public Task<StaffChange> UnlockAsync(string id) => ChangeAsync(id, async user =>
    {
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        throttle.Forgive(users.NormalizeName(user.UserName ?? user.Email ?? ""));
        audit.Add("staff.unlocked", user.Email ?? user.Id);
        return StaffChange.Ok;
    });

    public Task<StaffChange> DisableAsync(string id, string actorId) => ChangeAsync(id, async user =>
    {
        if (user.Id == actorId)
        {
            return StaffChange.Refused("You cannot disable your own account.");
        }
        user.IsDisabled = true;
        await users.UpdateAsync(user);
        // A new stamp makes every cookie of this account fail on its next request (StaffSessions).
        await users.UpdateSecurityStampAsync(user);
        audit.Add("staff.disabled", user.Email ?? user.Id);
        return StaffChange.Ok;
    });

    public Task<StaffChange> EnableAsync(string id) => ChangeAsync(id, async user =>
    {
        user.IsDisabled = false;
        await users.UpdateAsync(user);
        audit.Add("staff.enabled", user.Email ?? user.Id);
        return StaffChange.Ok;
    });

    public Task<StaffChange> ChangeRoleAsync(string id, string role, string actorId) => ChangeAsync(id, async user =>
    {
        if (!StaffRoles.IsKnown(role))
        {
            return StaffChange.Refused("Choose a role.");
        }
        if (user.Id == actorId && role != StaffRoles.Owner)
        {
            return StaffChange.Refused("You cannot take the Owner role from yourself; ask another Owner.");
        }
        var current = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, current);
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        audit.Add("staff.role-changed", user.Email ?? user.Id, $"From {string.Join(", ", current)} to {role}.");
        return StaffChange.Ok;
    });

    /// <summary>Links a therapist's account to their therapist record, so their diary shows their own bookings.</summary>
    public Task<StaffChange> LinkTherapistAsync(string id, int? therapistId) => ChangeAsync(id, async user =>
    {
        if (therapistId is int tid && !await db.Therapists.AnyAsync(t => t.Id == tid))
        {
            return StaffChange.Refused("Choose a therapist from the list.");
        }
        user.TherapistId = therapistId;
        await users.UpdateAsync(user);
        audit.Add("staff.therapist-linked", user.Email ?? user.Id, therapistId is null ? "Unlinked" : $"Therapist record {therapistId}");
        return StaffChange.Ok;
    });

    private async Task<StaffChange> ChangeAsync(string id, Func<StaffUser, Task<StaffChange>> change)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return StaffChange.Refused("That account does not exist.");
        }
        var result = await change(user);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync();
        }
        return result;
    }
}
