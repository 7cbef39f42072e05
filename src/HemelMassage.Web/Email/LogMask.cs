using System.Text.RegularExpressions;

namespace HemelMassage.Web.Email;

/// <summary>
/// Masks email addresses in text bound for the log: an SMTP server's refusal often quotes the recipient
/// ("550 5.1.1 &lt;ann@example.com&gt;: no such user"), and a client's address is personal data.
/// </summary>
public static partial class LogMask
{
    public static string Emails(string? text) =>
        text is null ? "" : EmailAddress().Replace(text, m => m.Value[0] + "***@" + m.Groups["domain"].Value);

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})")]
    private static partial Regex EmailAddress();
}
