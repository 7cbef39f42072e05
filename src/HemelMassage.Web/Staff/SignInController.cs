using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.Staff;

public sealed record LinkExpiredPage(string InvitationLifetime, string NewPasswordLifetime);

public sealed record ForgotPasswordSentPage(string Email, string Lifetime);

/// <summary>The only admin pages open to anonymous visitors: signing in, asking for a new password, and setting a password from a link.</summary>
[Area("Admin")]
[AllowAnonymous]
[Route("admin/account")]
public sealed class SignInController(
    SignInManager<StaffUser> signIn, StaffSignIn passwordSignIn, UserManager<StaffUser> users, StaffPasswordLinks links, ForgottenPasswords forgotten,
    AuditLog audit, ILogger<SignInController> logger,
    IValidator<SignInForm> signInValidator, IValidator<CodeForm> codeValidator, IValidator<SetPasswordForm> setPasswordValidator,
    IValidator<ForgotPasswordForm> forgotValidator) : Controller
{
    public const string NoMatch = "That email and password do not match.";

    [HttpGet("sign-in")]
    public IActionResult SignIn(string? returnUrl) => View(new SignInForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> SignIn(SignInForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await signInValidator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var attempt = await passwordSignIn.PasswordAsync(HttpContext, form.Email, form.Password);
        switch (attempt.Outcome)
        {
            case PasswordOutcome.SignedIn:
                logger.LogInformation("Staff sign-in succeeded for {Email}", form.Email);
                return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
            case PasswordOutcome.NeedsSecondFactor:
                return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(form.ReturnUrl) });
            case PasswordOutcome.TooManyAttempts:
                logger.LogWarning("Staff sign-in refused for {Email} from {Address}: too many failed attempts; the next is allowed in {Wait}",
                    form.Email, HttpContext.Connection.RemoteIpAddress, attempt.Wait);
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = Math.Ceiling(attempt.Wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.AddModelError(nameof(form.Password), attempt.WaitMessage);
                return View(form);
            default:
                logger.LogWarning("Staff sign-in failed for {Email}", form.Email);
                ModelState.AddModelError(nameof(form.Password), NoMatch);
                return View(form);
        }
    }

    [HttpGet("sign-in/two-factor")]
    public IActionResult TwoFactor(string? returnUrl) => View(new CodeForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in/two-factor")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> TwoFactor(CodeForm form) => SecondFactor(form, recovery: false);

    [HttpGet("sign-in/recovery-code")]
    public IActionResult RecoveryCode(string? returnUrl) => View(new CodeForm { ReturnUrl = returnUrl });

    [HttpPost("sign-in/recovery-code")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public Task<IActionResult> RecoveryCode(CodeForm form) => SecondFactor(form, recovery: true);

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [HttpPost("forgot-password")]
    [EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await forgotValidator.ValidateAsync(form));
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        // The same answer for every address, and no work here that an unknown address would skip (ForgottenPasswords).
        forgotten.Request(form.Email);
        return View("ForgotPasswordSent", new ForgotPasswordSentPage(form.Email.Trim(), Bookings.Durations.Say(links.NewPasswordLifetime)));
    }

    [HttpGet("set-password")]
    public async Task<IActionResult> SetPassword(string? user, string? token)
    {
        var staff = user is null ? null : await users.FindByIdAsync(user);
        var valid = staff is not null && token is not null && await links.IsValidAsync(staff, token);
        return valid ? View(new SetPasswordForm { UserId = user!, Token = token! }) : LinkExpired();
    }

    [HttpPost("set-password")]
    public async Task<IActionResult> SetPassword(SetPasswordForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await setPasswordValidator.ValidateAsync(form));
        var user = string.IsNullOrEmpty(form.UserId) ? null : await users.FindByIdAsync(form.UserId);
        if (user is null || string.IsNullOrEmpty(form.Token))
        {
            return LinkExpired();
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var result = await links.SetPasswordAsync(user, form.Token, form.NewPassword);
        if (result is null)
        {
            return LinkExpired();
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(form.NewPassword));
            return View(form);
        }
        await audit.SaveAsync("staff.password-set", user.Email ?? user.Id, "Password set from a one-time link.", user.Email);
        logger.LogInformation("Password set from a one-time link for {Email}", user.Email);
        TempData["Notice"] = "Your password is set. Sign in with it now.";
        return RedirectToAction(nameof(SignIn));
    }

    private ViewResult LinkExpired() =>
        View("LinkExpired", new LinkExpiredPage(Bookings.Durations.Say(links.InvitationLifetime), Bookings.Durations.Say(links.NewPasswordLifetime)));

    private async Task<IActionResult> SecondFactor(CodeForm form, bool recovery)
    {
        var view = recovery ? nameof(RecoveryCode) : nameof(TwoFactor);
        ModelState.Clear();
        ModelState.AddErrors(await codeValidator.ValidateAsync(form));
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToAction(nameof(SignIn));
        }
        if (!ModelState.IsValid)
        {
            return View(view, form);
        }
        var result = recovery
            ? await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Replace(" ", "", StringComparison.Ordinal).Trim())
            : await signIn.TwoFactorAuthenticatorSignInAsync(form.Normalised, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            logger.LogInformation("Staff two-factor sign-in succeeded for {Email} ({Method})", user.Email, recovery ? "recovery code" : "authenticator");
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }
        logger.LogWarning("Staff two-factor sign-in failed for {Email}{Locked}", user.Email, result.IsLockedOut ? " and the account is locked out" : "");
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut
            ? $"Too many attempts: this account is locked for {Bookings.Durations.Say(users.Options.Lockout.DefaultLockoutTimeSpan)}. The clinic's Owner can unlock it sooner."
            : "That code is not right. Check the time on your phone and try the newest code.");
        return View(view, form);
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
}
