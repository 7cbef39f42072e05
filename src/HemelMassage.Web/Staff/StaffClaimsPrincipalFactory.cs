using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>Adds the display name, and an "active" claim that the Staff policy requires (a disabled account never gets it).</summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<StaffUser> userManager, RoleManager<IdentityRole> roleManager, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(userManager, roleManager, options)
{
    public const string DisplayNameClaim = "hm:display_name";
    public const string ActiveClaim = "hm:active";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName));
        if (!user.IsDisabled)
        {
            identity.AddClaim(new Claim(ActiveClaim, "true"));
        }
        return identity;
    }
}
