using HemelMassage.Web.Clinic;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>
/// The one-time links that set a password: an invitation (or <c>create-owner</c>) for an account without one, and a
/// link to choose a new password. Both open <c>/admin/account/set-password</c>; each expires after its purpose's lifetime.
/// </summary>
public sealed class StaffPasswordLinks(UserManager<StaffUser> users, ClinicOptions clinic, IOptions<StaffOptions> options)
{
    public TimeSpan NewPasswordLifetime => options.Value.NewPasswordLinkLifetime;

    public TimeSpan InvitationLifetime => options.Value.SetPasswordLinkLifetime;

    public async Task<string> InvitationAsync(StaffUser user) =>
        Link(user, await users.GeneratePasswordResetTokenAsync(user));

    public async Task<string> NewPasswordAsync(StaffUser user) =>
        Link(user, await users.GenerateUserTokenAsync(user, StaffLinkTokenProvider.Name, StaffLinkTokenProvider.NewPasswordPurpose));

    public async Task<bool> IsValidAsync(StaffUser user, string token) =>
        await users.VerifyUserTokenAsync(user, StaffLinkTokenProvider.Name, UserManager<StaffUser>.ResetPasswordTokenPurpose, token)
        || await users.VerifyUserTokenAsync(user, StaffLinkTokenProvider.Name, StaffLinkTokenProvider.NewPasswordPurpose, token);

    /// <summary>Null when the link is not (or no longer) valid. A new password changes the security stamp: the link is then used up.</summary>
    public async Task<IdentityResult?> SetPasswordAsync(StaffUser user, string token, string password)
    {
        if (!await IsValidAsync(user, token))
        {
            return null;
        }
        // Identity sets a password only against a reset-purpose token; this request has just proved the link.
        return await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
    }

    private string Link(StaffUser user, string token) =>
        clinic.AbsoluteUrl($"admin/account/set-password?user={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}");
}
