using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace HemelMassage.Web.Site;

/// <summary>Long words that must fit a phone's width, with the line breaks people would choose.</summary>
public static class BreakableText
{
    /// <summary>
    /// An email address that may wrap before its "@" and its dots ("ann.client&lt;wbr&gt;@example&lt;wbr&gt;.com"), encoded;
    /// its class lets a part too long for the line break anywhere, after those places are used.
    /// </summary>
    public static IHtmlContent Email(string? address)
    {
        var html = new StringBuilder("<span class=\"email\">");
        var start = 0;
        var text = address ?? "";
        for (var i = 1; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] is '@' or '.')
            {
                html.Append(start == 0 ? "" : "<wbr>").Append(WebUtility.HtmlEncode(text[start..i]));
                start = i;
            }
        }
        return new HtmlString(html.Append("</span>").ToString());
    }
}
