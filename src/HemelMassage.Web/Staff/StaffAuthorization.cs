using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

public static class StaffPolicies
{
    /// <summary>Every page under /admin unless it says otherwise: a staff role, an active account, two factors when required.</summary>
    public const string Staff = "Staff";

    /// <summary>Signed in as active staff, second factor not yet needed: the pages that set it up.</summary>
    public const string SignedInStaff = "SignedInStaff";

    public static void AddStaffPolicies(this AuthorizationOptions options)
    {
        options.AddPolicy(SignedInStaff, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(StaffRoles.All)
            .RequireClaim(StaffClaimsPrincipalFactory.ActiveClaim, "true"));
        options.AddPolicy(Staff, policy => policy
            .Combine(options.GetPolicy(SignedInStaff)!)
            .AddRequirements(new TwoFactorRequirement()));
    }
}

/// <summary>Marks an admin action that a signed-in member of staff may reach before setting up two-factor.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SignedInStaffAttribute : AuthorizeAttribute
{
    public SignedInStaffAttribute() => Policy = StaffPolicies.SignedInStaff;
}

/// <summary>Met when two-factor is not required, or when this sign-in used a second factor ("amr" = "mfa").</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

public sealed class TwoFactorHandler(IOptions<StaffOptions> options) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (!options.Value.RequireTwoFactor || context.User.HasClaim("amr", "mfa"))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>Someone refused only for want of a second factor is sent to set it up, not shown "access denied".</summary>
public sealed class TwoFactorSetupRedirect : IAuthorizationMiddlewareResultHandler
{
    public const string SetupPath = "/admin/account/two-factor";
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        var failed = authorizeResult.AuthorizationFailure?.FailedRequirements.ToList();
        if (authorizeResult.Forbidden && failed is { Count: > 0 } && failed.All(r => r is TwoFactorRequirement))
        {
            context.Response.Redirect(SetupPath);
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
