using Microsoft.AspNetCore.DataProtection;

namespace HemelMassage.Web.Email;

/// <summary>
/// Keeps the token of an emailed link (manage my booking, mailbox proof, set password) out of every stored copy:
/// the row's bodies hold a placeholder and the token waits encrypted in <see cref="OutboxMessage.ProtectedSecret"/>,
/// put back only into the message being sent and dropped once it is sent. A copy of the database, its WAL or a
/// backup therefore holds no link that works (the Data Protection keys sit apart from it on SQLite).
/// </summary>
public sealed class OutboxSecrets(IDataProtectionProvider protection)
{
    public const string Placeholder = "{link-token}";

    private readonly IDataProtector _protector = protection.CreateProtector("HemelMassage.Email.OutboxSecret");

    /// <param name="secret">The token exactly as it appears in the bodies (tokens are URL-safe, so HTML and URL encoding leave them as they are).</param>
    public OutboxMessage Seal(OutboxMessage row, string? secret)
    {
        if (string.IsNullOrEmpty(secret) || !(row.TextBody.Contains(secret, StringComparison.Ordinal) || row.HtmlBody.Contains(secret, StringComparison.Ordinal)))
        {
            return row;
        }
        row.TextBody = row.TextBody.Replace(secret, Placeholder, StringComparison.Ordinal);
        row.HtmlBody = row.HtmlBody.Replace(secret, Placeholder, StringComparison.Ordinal);
        row.ProtectedSecret = _protector.Protect(secret);
        return row;
    }

    /// <summary>The row as it is to be sent, with its link whole again; only ever on a copy that is not saved.</summary>
    public OutboxMessage Open(OutboxMessage row)
    {
        if (row.ProtectedSecret is null)
        {
            return row;
        }
        var secret = _protector.Unprotect(row.ProtectedSecret);
        row.TextBody = row.TextBody.Replace(Placeholder, secret, StringComparison.Ordinal);
        row.HtmlBody = row.HtmlBody.Replace(Placeholder, secret, StringComparison.Ordinal);
        row.ProtectedSecret = null;
        return row;
    }

    /// <summary>The token at the end of a link such as <c>https://…/booking/{token}</c>, or the value of its <c>token=</c> parameter.</summary>
    public static string? TokenOf(string? url)
    {
        if (url is null)
        {
            return null;
        }
        var query = url.IndexOf("token=", StringComparison.Ordinal);
        if (query >= 0)
        {
            var end = url.IndexOf('&', query);
            return url[(query + "token=".Length)..(end < 0 ? url.Length : end)];
        }
        return url[(url.LastIndexOf('/') + 1)..];
    }
}
