using System.Globalization;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Identity;

namespace HemelMassage.Web.Staff;

public enum PasswordOutcome
{
    SignedIn,
    NeedsSecondFactor,
    NoMatch,
    TooManyAttempts,
}

public sealed record PasswordAttempt(PasswordOutcome Outcome, TimeSpan Wait = default)
{
    public string WaitMessage
    {
        get
        {
            var minutes = Math.Max(1, (int)Math.Ceiling(Wait.TotalMinutes));
            return string.Create(CultureInfo.InvariantCulture, $"Too many attempts. Wait {minutes} minute{(minutes == 1 ? "" : "s")}, then try again.");
        }
    }
}

/// <summary>
/// The password step of staff sign-in. It answers an unknown email, a wrong password and a locked or disabled
/// account alike (<see cref="StaffSignInManager"/>), and slows down a source of failures rather than locking
/// the account (<see cref="SignInThrottle"/>), so nobody can keep staff out by guessing wrong on purpose.
/// </summary>
public sealed class StaffSignIn(SignInManager<StaffUser> signIn, SignInThrottle throttle, TrustedBrowsers browsers)
{
    public async Task<PasswordAttempt> PasswordAsync(HttpContext context, string email, string password)
    {
        email = email.Trim();
        var account = signIn.UserManager.NormalizeName(email);
        var address = ClientAddress.Key(context);
        var trusted = browsers.IsTrusted(context, account);
        if (throttle.TryStart(account, address, trusted) is { } wait)
        {
            return new PasswordAttempt(PasswordOutcome.TooManyAttempts, wait);
        }
        // No lockout here: the throttle slows the guesser down instead. Identity's lockout still guards the second factor.
        var result = await signIn.PasswordSignInAsync(email, password, isPersistent: false, lockoutOnFailure: false);
        if (!result.Succeeded && !result.RequiresTwoFactor)
        {
            return new PasswordAttempt(PasswordOutcome.NoMatch);
        }
        throttle.Succeeded(account, address, trusted);
        browsers.Trust(context, account);
        return new PasswordAttempt(result.Succeeded ? PasswordOutcome.SignedIn : PasswordOutcome.NeedsSecondFactor);
    }
}
