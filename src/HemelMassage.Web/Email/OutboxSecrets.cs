using Microsoft.AspNetCore.DataProtection;

namespace HemelMassage.Web.Email;

/// <summary>
/// Keeps the token of an emailed link (manage my booking, mailbox proof, set password) out of every stored copy:
/// the row's bodies hold a placeholder for each token and the tokens wait encrypted in <see cref="OutboxMessage.ProtectedSecret"/>,
/// put back only into the message being sent and dropped once it is sent. A copy of the database, its WAL or a
/// backup therefore holds no link that works (the Data Protection keys sit apart from it on SQLite).
/// </summary>
public sealed class OutboxSecrets(IDataProtectionProvider protection)
{
    public const string Placeholder = "{link-token}";

    private readonly IDataProtector _protector = protection.CreateProtector("HemelMassage.Email.OutboxSecret");

    /// <summary>The placeholder of the row's <paramref name="index"/>th token: <c>{link-token}</c>, then <c>{link-token-2}</c>, ...</summary>
    public static string PlaceholderOf(int index) => index == 0 ? Placeholder : $"{{link-token-{index + 1}}}";

    /// <param name="secrets">The tokens exactly as they appear in the bodies (tokens are URL-safe, so HTML and URL
    /// encoding leave them as they are); one email may carry two links, e.g. its booking's and the mailbox proof.</param>
    public OutboxMessage Seal(OutboxMessage row, params string?[] secrets)
    {
        var found = secrets
            .Where(s => !string.IsNullOrEmpty(s) && (row.TextBody.Contains(s, StringComparison.Ordinal) || row.HtmlBody.Contains(s, StringComparison.Ordinal)))
            .Select(s => s!).Distinct(StringComparer.Ordinal).ToList();
        if (found.Count == 0)
        {
            return row;
        }
        for (var i = 0; i < found.Count; i++)
        {
            row.TextBody = row.TextBody.Replace(found[i], PlaceholderOf(i), StringComparison.Ordinal);
            row.HtmlBody = row.HtmlBody.Replace(found[i], PlaceholderOf(i), StringComparison.Ordinal);
        }
        // Tokens are URL-safe base64, so a line break can only ever separate two of them.
        row.ProtectedSecret = _protector.Protect(string.Join('\n', found));
        return row;
    }

    /// <summary>The row as it is to be sent, with its links whole again; only ever on a copy that is not saved.</summary>
    public OutboxMessage Open(OutboxMessage row)
    {
        if (row.ProtectedSecret is null)
        {
            return row;
        }
        var secrets = _protector.Unprotect(row.ProtectedSecret).Split('\n');
        for (var i = 0; i < secrets.Length; i++)
        {
            row.TextBody = row.TextBody.Replace(PlaceholderOf(i), secrets[i], StringComparison.Ordinal);
            row.HtmlBody = row.HtmlBody.Replace(PlaceholderOf(i), secrets[i], StringComparison.Ordinal);
        }
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
