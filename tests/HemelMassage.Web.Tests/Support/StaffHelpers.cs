using System.Net;
using System.Security.Cryptography;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Support;

/// <summary>Staff accounts for tests: create a member of staff, sign in as a role, authenticator codes.</summary>
public static class StaffHelpers
{
    public const string GoodPassword = "kettle orbit velvet lantern";

    public static async Task<StaffUser> CreateStaffAsync(this SiteFactory site, string role, string? password = GoodPassword, string? email = null)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():n}@example.com";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = role + " Tester", LockoutEnabled = true };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        return user;
    }

    public static async Task<(HttpClient Client, StaffUser User)> SignedInAsAsync(this SiteFactory site, string role)
    {
        var user = await site.CreateStaffAsync(role);
        var client = site.CreatePageClient();
        var response = await client.SignInAsync(user.Email!, GoodPassword);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, user);
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostFormAsync("/admin/account/sign-in", "/admin/account/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a Base32 key, as an authenticator app computes it.</summary>
    public static string Totp(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = BitConverter.GetBytes(now.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }
#pragma warning disable CA5350 // RFC 6238's default algorithm, as authenticator apps use
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
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

/// <summary>The site as it runs outside Development: two-factor required for the admin area.</summary>
public sealed class TwoFactorSiteFactory : SiteFactory
{
    public TwoFactorSiteFactory() => With("Staff:RequireTwoFactor", "true");
}
