using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Refuses passwords that attackers try first: a deny-list of common passwords (Openwall's public-domain
/// list plus a few of our own), also with trailing digits and symbols taken off ("password1234"),
/// the account's own email, and anything over 128 characters. No composition rules, as current guidance says.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const int MaximumLength = 128;

    private static readonly FrozenSet<string> Common = Load();

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password.Length > MaximumLength)
        {
            return Fail("PasswordTooLong", $"Passwords can be at most {MaximumLength} characters.");
        }
        return IsCommon(password, user.Email)
            ? Fail("PasswordTooCommon", "That password is too common or too easy to guess. Try three or four unrelated words.")
            : Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password, string? email = null)
    {
        var lowered = password.Trim().ToLowerInvariant();
        var stem = lowered.TrimEnd("0123456789!?.,-_@#$%&*+= ".ToCharArray());
        var local = email?.Split('@')[0].ToLowerInvariant();
        return Common.Contains(lowered) || Common.Contains(stem) || stem.Length == 0
            || (!string.IsNullOrEmpty(email) && (string.Equals(lowered, email, StringComparison.OrdinalIgnoreCase) || stem == local))
            || lowered.Distinct().Count() <= 2;
    }

    private static Task<IdentityResult> Fail(string code, string description) =>
        Task.FromResult(IdentityResult.Failed(new IdentityError { Code = code, Description = description }));

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("HemelMassage.Web.Staff.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("#!comment", StringComparison.Ordinal))
            {
                words.Add(line.Trim().ToLowerInvariant());
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
