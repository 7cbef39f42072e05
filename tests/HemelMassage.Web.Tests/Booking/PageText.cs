using System.Net;
using System.Text.RegularExpressions;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>A page's words as a reader meets them: tags removed, entities decoded, runs of space as one.</summary>
public static partial class PageText
{
    public static string Of(string html) => Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(html, "")), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
