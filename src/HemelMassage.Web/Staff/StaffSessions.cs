using System.Security.Claims;
using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Checks a staff cookie against its account on every request. Signing out, disabling an account and changing
/// its role or password give the account a new security stamp; a cookie made before that (one copied off a
/// shared tablet, say) is refused on its very next request, not at the next periodic check. The periodic
/// check (<c>Staff:SecurityStampValidationInterval</c>) still runs after this one to refresh the cookie's claims.
/// </summary>
public static class StaffSessions
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        var id = context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        var stamp = context.Principal?.FindFirstValue(stampClaim);
        var account = id is null ? null : await services.GetRequiredService<ClinicDbContext>().Users.AsNoTracking()
            .Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(context.HttpContext.RequestAborted);
        if (account is null || account.IsDisabled || stamp is null || account.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
