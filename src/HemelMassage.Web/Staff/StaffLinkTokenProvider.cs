using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Staff;

/// <summary>
/// The tokens of emailed set-password links: the time made, the account, the purpose and the account's security
/// stamp, encrypted with the app's Data Protection keys. Nothing is stored; setting the password changes the stamp,
/// so a link works once. Identity's own provider reads the wall clock; this one reads the site's
/// <see cref="TimeProvider"/>, and gives each purpose its own lifetime (an invitation lasts days, a forgotten
/// password's link an hour).
/// </summary>
public sealed class StaffLinkTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<StaffOptions> options)
    : IUserTwoFactorTokenProvider<StaffUser>
{
    public const string Name = "StaffLink";

    /// <summary>A link to choose a new password for an account that has one (forgotten, or sent by the Owner).</summary>
    public const string NewPasswordPurpose = "ChooseNewPassword";

    private readonly IDataProtector _protector = protection.CreateProtector("HemelMassage.Staff.Link.v1");

    public TimeSpan LifetimeOf(string purpose) =>
        purpose == NewPasswordPurpose ? options.Value.NewPasswordLinkLifetime : options.Value.SetPasswordLinkLifetime;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(await manager.GetUserIdAsync(user));
            writer.Write(purpose);
            writer.Write(await manager.GetSecurityStampAsync(user));
        }
        return WebEncoders.Base64UrlEncode(_protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(_protector.Unprotect(WebEncoders.Base64UrlDecode(token))));
            var made = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            var now = clock.GetUtcNow();
            return made <= now && now < made + LifetimeOf(purpose)
                && reader.ReadString() == await manager.GetUserIdAsync(user)
                && reader.ReadString() == purpose
                && reader.ReadString() == await manager.GetSecurityStampAsync(user);
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or IOException)
        {
            return false;
        }
    }
}
