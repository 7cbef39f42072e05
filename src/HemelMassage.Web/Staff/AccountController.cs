using System.Security.Claims;
using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Staff;

public sealed record AccountPage(string Email, bool TwoFactorEnabled, int RecoveryCodesLeft, ChangePasswordForm Password);

public sealed record TwoFactorSetupPage(string SharedKey, string AuthenticatorUri, CodeForm Form)
{
    public string QrCode => AuthenticatorQrCode.PngDataUri(AuthenticatorUri);
}

public sealed record RecoveryCodesPage(IReadOnlyList<string> Codes);

/// <summary>
/// One's own account: password, authenticator app, recovery codes, signing out. Only setting up the
/// authenticator and signing out are open before two-factor is set up (when it is required).
/// </summary>
[Area("Admin")]
[Route("admin/account")]
public sealed class AccountController(
    UserManager<StaffUser> users, SignInManager<StaffUser> signIn, AuditLog audit, ILogger<AccountController> logger,
    IValidator<ChangePasswordForm> passwordValidator, IValidator<CodeForm> codeValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View("Account", await PageAsync(new ChangePasswordForm()));

    [HttpPost("password")]
    public async Task<IActionResult> Password([Bind(Prefix = "Password")] ChangePasswordForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await passwordValidator.ValidateAsync(form), "Password");
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");
        if (ModelState.IsValid)
        {
            var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
            if (result.Succeeded)
            {
                await audit.SaveAsync("staff.password-changed", user.Email ?? user.Id);
                await signIn.RefreshSignInAsync(user);
                TempData["Notice"] = "Your password is changed.";
                return RedirectToAction(nameof(Index));
            }
            var wrongCurrent = result.Errors.Any(e => e.Code == "PasswordMismatch");
            ModelState.AddErrors(result, wrongCurrent ? "Password.CurrentPassword" : "Password.NewPassword");
        }
        return View("Account", await PageAsync(form));
    }

    [HttpGet("two-factor")]
    [SignedInStaff]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await CurrentAsync();
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        return View("AccountTwoFactor", await SetupPageAsync(user, new CodeForm()));
    }

    [HttpPost("two-factor")]
    [SignedInStaff]
    public async Task<IActionResult> TwoFactor(CodeForm form)
    {
        var user = await CurrentAsync();
        // Once it is on, the key is never shown again, whatever is posted here; resetting makes a new one.
        if (user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(Index));
        }
        ModelState.Clear();
        ModelState.AddErrors(await codeValidator.ValidateAsync(form));
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Normalised))
        {
            ModelState.AddModelError(nameof(form.Code), "That code is not right. Check the time on your phone and try the newest code.");
        }
        if (!ModelState.IsValid)
        {
            return View("AccountTwoFactor", await SetupPageAsync(user, form));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await audit.SaveAsync("staff.two-factor-enabled", user.Email ?? user.Id);
        logger.LogInformation("Two-factor set up for {Email}", user.Email);
        // This sign-in has now proved both factors.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        return View("RecoveryCodes", new RecoveryCodesPage(codes.ToList()));
    }

    [HttpPost("two-factor/reset")]
    public async Task<IActionResult> ResetTwoFactor()
    {
        var user = await CurrentAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.SaveAsync("staff.two-factor-reset", user.Email ?? user.Id);
        logger.LogInformation("Two-factor reset for {Email}", user.Email);
        await signIn.SignInAsync(user, isPersistent: false);
        return RedirectToAction(nameof(TwoFactor));
    }

    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes()
    {
        var user = await CurrentAsync();
        if (!user.TwoFactorEnabled)
        {
            return RedirectToAction(nameof(TwoFactor));
        }
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? [];
        await audit.SaveAsync("staff.recovery-codes-renewed", user.Email ?? user.Id);
        return View(new RecoveryCodesPage(codes.ToList()));
    }

    [HttpPost("sign-out")]
    [SignedInStaff]
    public async Task<IActionResult> SignOutNow()
    {
        logger.LogInformation("Staff signed out: {Email}", User.Identity?.Name);
        // A new security stamp makes every cookie of this account fail its next request (StaffSessions), so a
        // copy of this one is of no use after signing out. Sessions on the member's other devices end too.
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }
        await signIn.SignOutAsync();
        return Redirect(StaffServiceCollectionExtensions.SignInPath);
    }

    private async Task<StaffUser> CurrentAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("Signed in without an account.");

    private async Task<AccountPage> PageAsync(ChangePasswordForm form)
    {
        var user = await CurrentAsync();
        return new AccountPage(user.Email ?? "", user.TwoFactorEnabled, await users.CountRecoveryCodesAsync(user), form);
    }

    private async Task<TwoFactorSetupPage> SetupPageAsync(StaffUser user, CodeForm form)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // Making a key gives the account a new security stamp; this sign-in carries the new one.
            await signIn.RefreshSignInAsync(user);
        }
        var issuer = Uri.EscapeDataString("Hemel Massage");
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={issuer}&digits=6";
        var grouped = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        return new TwoFactorSetupPage(grouped, uri, form);
    }
}
