using System.Text;

namespace HemelMassage.Web.Email;

public static class EmailSanitizer
{
    /// <summary>
    /// One line of text: control characters (CR, LF, tabs, NUL...) become spaces, so a value typed
    /// by a client can never start a new header line or a new paragraph of its own.
    /// </summary>
    public static string SingleLine(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }
        return builder.ToString().Trim();
    }

    /// <summary>An absolute http(s) address, or null: only such links go into an email.</summary>
    public static string? WebLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri.AbsoluteUri
            : null;
}
