using System.Net;
using System.Text.RegularExpressions;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// A page's words as a reader meets them: tags removed (a block's edge reads as a space, an inline one as
/// nothing), entities decoded, runs of space as one.
/// </summary>
public static partial class PageText
{
    public static string Of(string html) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(BlockEdges().Replace(html, " "), "")), " ");

    [GeneratedRegex("</?(p|div|li|ul|ol|dl|dt|dd|h[1-6]|br|td|th|tr|section|nav|legend|summary)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockEdges();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
