using Microsoft.AspNetCore.Identity;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Commands run instead of the site: <c>create-owner you@example.com</c> creates the first Owner with no
/// password and prints a one-time link to set one. No password ever passes through the command line or a log.
/// </summary>
public sealed class StaffCommands(StaffAccounts accounts, UserManager<StaffUser> users, TextWriter output)
{
    public const string CreateOwner = "create-owner";

    /// <summary>True when <paramref name="args"/> named a command, which has then run; the caller exits.</summary>
    public static async Task<bool> TryRunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (args.Length == 0 || args[0] != CreateOwner)
        {
            return false;
        }
        await using var scope = services.CreateAsyncScope();
        var commands = new StaffCommands(
            scope.ServiceProvider.GetRequiredService<StaffAccounts>(), scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), output);
        Environment.ExitCode = await commands.CreateOwnerAsync(args.Skip(1).FirstOrDefault());
        return true;
    }

    public async Task<int> CreateOwnerAsync(string? email)
    {
        if (!Site.EmailAddresses.IsPlainMailbox(email))
        {
            await output.WriteLineAsync("Usage: create-owner you@example.com");
            return 2;
        }
        email = email.Trim();
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (await users.HasPasswordAsync(existing) || !await users.IsInRoleAsync(existing, StaffRoles.Owner))
            {
                await output.WriteLineAsync($"There is already an account for {email}. Its Owner can reset it from the admin area.");
                return 1;
            }
            await output.WriteLineAsync($"{email} is an Owner who has not set a password yet. A new link (any older one no longer works):");
            await users.UpdateSecurityStampAsync(existing);
            await output.WriteLineAsync(await accounts.SetPasswordLinkAsync(existing));
            return 0;
        }
        var (change, link) = await accounts.CreateAsync(email, email.Split('@')[0], StaffRoles.Owner, AuditLog.CommandLine);
        if (!change.Succeeded)
        {
            await output.WriteLineAsync(change.Error);
            return 1;
        }
        await output.WriteLineAsync($"Created the Owner account {email}. Open this link to set its password (it works once):");
        await output.WriteLineAsync(link);
        return 0;
    }
}
