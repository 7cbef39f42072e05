using System.Buffers.Binary;
using System.Security.Cryptography;
using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Authenticator-app codes (RFC 6238: SHA-1, 30-second steps, six digits), each accepted once. Identity's own
/// provider accepts the same code again for as long as it is in its window (RFC 6238 5.2 says a verifier must
/// not), and its window is two steps either side. Here a code may be one step early or late (a phone's clock,
/// the time to type it), and a step once used, or any earlier one, is refused for that account.
/// </summary>
public sealed class OnceOnlyAuthenticatorTokenProvider(ClinicDbContext db, TimeProvider clock) : IUserTwoFactorTokenProvider<StaffUser>
{
    private const int StepSeconds = 30;

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<StaffUser> manager, StaffUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    // Nothing is sent: the code comes from the app.
    public Task<string> GenerateAsync(string purpose, UserManager<StaffUser> manager, StaffUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<StaffUser> manager, StaffUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key) || token.Length != 6 || !token.All(char.IsAsciiDigit) || Base32(key) is not { } secret)
        {
            return false;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        long? matched = null;
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (CryptographicOperations.FixedTimeEquals(Code(secret, step), System.Text.Encoding.ASCII.GetBytes(token)))
            {
                matched = step;
            }
        }
        if (matched is not { } used)
        {
            return false;
        }
        // Claimed in one statement, so the same code posted twice at once succeeds only once.
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastAuthenticatorStep == null || u.LastAuthenticatorStep < used))
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastAuthenticatorStep, used));
        return claimed == 1;
    }

    private static byte[] Code(byte[] secret, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
#pragma warning disable CA5350 // RFC 6238's algorithm, the one authenticator apps use
        var hash = HMACSHA1.HashData(secret, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var value = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff) % 1_000_000;
        return System.Text.Encoding.ASCII.GetBytes(value.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static byte[]? Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>(text.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            var value = alphabet.IndexOf(char.ToUpperInvariant(c), StringComparison.Ordinal);
            if (value < 0)
            {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
