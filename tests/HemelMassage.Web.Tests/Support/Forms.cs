using System.Net;
using System.Text.RegularExpressions;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// Posting a form as a browser does: fetch the page that holds it (which sets the antiforgery cookie), take
/// the hidden token from it and send it with the fields. The one way every test posts a form.
/// </summary>
public static partial class Forms
{
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>GETs <paramref name="formPage"/> for its token (and cookie), then POSTs the fields to <paramref name="action"/>.</summary>
    public static Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, Dictionary<string, string> fields, bool withToken = true) =>
        client.PostFormAsync(formPage, action, (IEnumerable<KeyValuePair<string, string>>)fields, withToken);

    /// <summary>As above, for fields that repeat a name (ticked boxes).</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields, bool withToken = true)
    {
        var page = await client.GetStringAsync(formPage);
        // A form the site does not guard (the times page is cached for everyone, so it carries no token) is
        // posted without one, as a browser would.
        var token = TokenPattern().Match(page);
        return withToken && token.Success
            ? await client.PostWithTokenAsync(action, WebUtility.HtmlDecode(token.Groups[1].Value), fields)
            : await client.PostAsync(action, new FormUrlEncodedContent(fields.Where(f => f.Key != TokenField)));
    }

    /// <summary>POSTs with a token fetched earlier: for a test that sends one form several times (at once, or after a change).</summary>
    public static Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string action, string token, IEnumerable<KeyValuePair<string, string>>? fields = null) =>
        client.PostAsync(action, new FormUrlEncodedContent(
            (fields ?? []).Where(f => f.Key != TokenField).Append(KeyValuePair.Create(TokenField, token)).ToList()));

    /// <summary>The page's antiforgery token; fails the test, showing the page, when there is none.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "No antiforgery token on the page:\n" + html);
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
