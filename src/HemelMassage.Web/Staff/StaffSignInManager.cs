using HemelMassage.Web.Bookings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Identity's sign-in, except that a disabled account is never allowed in, and that a password sign-in with an
/// email that has no account, or whose account is locked, disabled or still without a password, takes as long
/// as checking a real password and answers the same "failed": neither the words nor the time tell a stranger
/// which accounts exist or are locked.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation,
    DummyPasswordHash dummy)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) =>
        !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null || user.PasswordHash is null || !await CanSignInAsync(user) || await IsLockedOut(user))
        {
            dummy.Verify(UserManager.PasswordHasher, password);
            return SignInResult.Failed;
        }
        return await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }
}

/// <summary>
/// A hash of a random password, made once per site with the same hasher and settings as real passwords, so
/// that verifying a password against it costs what a real check costs. One per site rather than one per
/// process: a hash made under other settings (another iteration count) would answer faster or slower.
/// </summary>
public sealed class DummyPasswordHash
{
    private static readonly StaffUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<StaffUser> hasher, string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Secrets.NewToken());
        hasher.VerifyHashedPassword(Nobody, _hash, password);
    }
}
