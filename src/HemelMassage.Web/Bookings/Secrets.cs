using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace HemelMassage.Web.Bookings;

/// <summary>Random keys, manage tokens and booking references.</summary>
public static class Secrets
{
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>256 bits from the cryptographic generator, base64url (43 characters).</summary>
    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Only this is stored, so a leaked database cannot be turned into working links.</summary>
    public static string Hash(string token) =>
        WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two hashes in constant time.</summary>
    public static bool SameHash(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    /// <summary>Easy to read over the phone: no 0/O, 1/I/L.</summary>
    public static string NewReference() => "HM-" + RandomNumberGenerator.GetString(ReferenceAlphabet, 6);

    public static bool LooksLikeToken(string? value) =>
        value is { Length: 43 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
