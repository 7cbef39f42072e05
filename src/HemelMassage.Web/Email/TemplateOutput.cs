using System.Net;
using System.Text.RegularExpressions;

namespace HemelMassage.Web.Email;

/// <summary>
/// What the renderer wrote, made into the two parts of an email. The renderer HTML-encodes every value (a
/// line break or a <c>&lt;</c> typed by anyone arrives as an entity), so any raw line break or tag in its
/// output is the template's own.
/// </summary>
public static partial class TemplateOutput
{
    /// <summary>The template's own line wraps and indentation become one space, as a browser shows them anyway.</summary>
    public static string Html(string rendered) => TemplateLineWrap().Replace(rendered, " ");

    /// <summary>
    /// The text part: the template rendered in text mode, where each block writes its words and ends its lines
    /// with <c>&lt;br&gt;</c>. Template wraps next to a line end vanish and others become a space,
    /// <c>&lt;br&gt;</c> becomes a line end, any other tag is dropped, and decoding once gives every value back
    /// exactly as it was given: nothing is encoded in the text part, and nothing typed can add a line to it.
    /// </summary>
    public static string Text(string rendered)
    {
        var text = WrapAtLineEnd().Replace(rendered, "<br>");
        text = TemplateLineWrap().Replace(text, " ");
        text = LineEnd().Replace(text, "\n");
        text = Tag().Replace(text, "");
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex(@"[ \t]*[\r\n]\s*")]
    private static partial Regex TemplateLineWrap();

    [GeneratedRegex(@"(?:[ \t]*[\r\n]\s*)?<br\s*/?>(?:[ \t]*[\r\n]\s*)?", RegexOptions.IgnoreCase)]
    private static partial Regex WrapAtLineEnd();

    [GeneratedRegex(@"<br>")]
    private static partial Regex LineEnd();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();
}
