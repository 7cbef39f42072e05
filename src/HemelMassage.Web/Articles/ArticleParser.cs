using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace HemelMassage.Web.Articles;

/// <summary>Reads one article file: front matter checked field by field, body rendered once.</summary>
public sealed partial class ArticleParser(ArticleRenderer renderer)
{
    // Unknown keys are errors, so a typo such as "drafts: true" cannot publish a draft by accident.
    private readonly IDeserializer _yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    [GeneratedRegex("^[a-z0-9]+(?:-[a-z0-9]+)*$")]
    public static partial Regex SlugPattern();

    public Article? Parse(string fileName, string text, ICollection<string> problems)
    {
        if (!TrySplit(text.Replace("\r\n", "\n", StringComparison.Ordinal), out var yaml, out var body))
        {
            problems.Add($"{fileName}: the file must start with front matter between two '---' lines.");
            return null;
        }
        ArticleFrontMatter? front;
        try
        {
            front = _yaml.Deserialize<ArticleFrontMatter?>(yaml);
        }
        catch (YamlException e)
        {
            problems.Add($"{fileName}: the front matter is not valid YAML (line {e.Start.Line + 1}): {Explain(e)}");
            return null;
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or InvalidOperationException)
        {
            problems.Add($"{fileName}: the front matter could not be read: {e.Message}");
            return null;
        }
        if (front is null)
        {
            problems.Add($"{fileName}: the front matter is empty.");
            return null;
        }
        return Check(fileName, front, body, problems);
    }

    private Article? Check(string file, ArticleFrontMatter front, string body, ICollection<string> problems)
    {
        var before = problems.Count;
        void Problem(string message) => problems.Add($"{file}: {message}");

        if (string.IsNullOrWhiteSpace(front.Title)) { Problem("missing title."); }
        if (string.IsNullOrWhiteSpace(front.Summary)) { Problem("missing summary."); }
        var slug = front.Slug?.Trim() ?? "";
        if (slug.Length == 0) { Problem("missing slug."); }
        else if (slug.Length > 100 || !SlugPattern().IsMatch(slug)) { Problem($"slug '{slug}' must be lower-case letters, digits and single hyphens (at most 100 characters)."); }
        var published = Date(front.Published, "published", required: true, Problem);
        var updated = Date(front.Updated, "updated", required: false, Problem);
        var tags = Clean(front.Tags);
        foreach (var tag in tags.Where(t => t.Length > 50 || !SlugPattern().IsMatch(t))) { Problem($"tag '{tag}' must be lower-case letters, digits and hyphens."); }
        var aliases = Clean(front.Aliases).Select(a => a.Length > 1 ? a.TrimEnd('/') : a).ToList();
        foreach (var alias in aliases.Where(a => !IsLocalPath(a) || a == "/")) { Problem($"alias '{alias}' must be an old address on this site starting with '/', such as /blog/old-name."); }
        foreach (var alias in aliases.Where(IsSitePage)) { Problem($"alias '{alias}' is a page of this site; an alias may only be an old address."); }
        var regions = Clean(front.Regions);
        foreach (var region in regions.Where(r => !Intake.BodyRegions.IsKnown(r)))
        {
            Problem($"region '{region}' is not on the body map; use one of the codes in content/HOW-TO-ADD-AN-ARTICLE.md.");
        }
        var explains = Pairs(front.Explains, Problem);
        var image = front.Image?.Trim();
        if (!string.IsNullOrEmpty(image) && !IsLocalPath(image) && !IsWebAddress(image)) { Problem($"image '{image}' must start with '/' or https://."); }

        if (problems.Count > before || published is null)
        {
            return null;
        }
        return new Article(slug, front.Title!.Trim(), front.Summary!.Trim(), published.Value, updated, tags, regions,
            front.Draft, string.IsNullOrEmpty(image) ? null : image, aliases, renderer.ToHtml(body), renderer.ReadingMinutes(body), file)
        {
            Explains = explains,
        };
    }

    private static List<AreaPair> Pairs(List<AreaPairFrontMatter?>? entries, Action<string> problem)
    {
        var pairs = new List<AreaPair>();
        foreach (var entry in entries ?? [])
        {
            var (felt, worked) = (entry?.Felt?.Trim() ?? "", entry?.Worked?.Trim() ?? "");
            if (felt.Length == 0 || worked.Length == 0)
            {
                problem("each entry of explains needs both felt and worked, such as { felt: lower-back, worked: hamstrings }.");
                continue;
            }
            var unknown = new[] { felt, worked }.Where(n => Intake.BodyRegions.Expand(n).Count == 0).ToList();
            foreach (var name in unknown)
            {
                problem($"explains: '{name}' is not on the body map; use a code from content/HOW-TO-ADD-AN-ARTICLE.md, or a group such as hamstrings for both sides.");
            }
            if (unknown.Count > 0)
            {
                continue;
            }
            if (Intake.BodyRegions.Expand(felt).Intersect(Intake.BodyRegions.Expand(worked)).Any())
            {
                problem($"explains: felt '{felt}' and worked '{worked}' are the same area; a pair links where the pain is felt to another area that was worked.");
                continue;
            }
            pairs.Add(new AreaPair(felt, worked));
        }
        return [.. pairs.Distinct()];
    }

    private static DateOnly? Date(string? value, string field, bool required, Action<string> problem)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required) { problem($"missing {field} date."); }
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problem($"{field} date '{value}' must be written YYYY-MM-DD.");
        return null;
    }

    private static List<string> Clean(List<string>? values) =>
        values?.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct().ToList() ?? [];

    private static bool IsLocalPath(string value) =>
        value.StartsWith('/') && !value.StartsWith("//", StringComparison.Ordinal) && value.Length <= 300
        && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '?' or '#' or '\\');

    // Aliases are matched before routing, so an alias naming a live page would hide that page.
    private static bool IsSitePage(string alias) =>
        Sitemap.FixedPages.Concat(["/articles", "/feed.xml", "/sitemap.xml", "/robots.txt", "/healthz"]).Contains(alias, StringComparer.OrdinalIgnoreCase)
        || new[] { "/articles/tags", "/admin", "/booking", "/error" }.Any(p => (alias + "/").StartsWith(p + "/", StringComparison.OrdinalIgnoreCase));

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool TrySplit(string text, out string yaml, out string body)
    {
        yaml = body = "";
        if (!text.StartsWith("---\n", StringComparison.Ordinal))
        {
            return false;
        }
        var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
        while (end >= 0 && !(end + 4 == text.Length || text[end + 4] == '\n'))
        {
            end = text.IndexOf("\n---", end + 4, StringComparison.Ordinal);
        }
        if (end < 0)
        {
            return false;
        }
        yaml = text[4..(end + 1)];
        body = end + 5 >= text.Length ? "" : text[(end + 5)..];
        return true;
    }

    // YamlDotNet's messages are written for programmers; the people who edit articles are not.
    private static string Explain(YamlException e)
    {
        var message = (e.InnerException ?? e).Message;
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        message = message.StartsWith("(Line", StringComparison.Ordinal) && colon > 0 ? message[(colon + 3)..] : message;
        if (UnknownField().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups[1].Value}'; the fields are title, slug, summary, published, updated, tags, regions, explains, draft, image and aliases (and felt and worked inside each entry of explains).";
        }
        if (message.StartsWith("No node deserializer", StringComparison.Ordinal) || message.StartsWith("Invalid cast", StringComparison.Ordinal))
        {
            return "a value has the wrong shape: text where a list in [square brackets] was expected, or the other way round.";
        }
        return message.Contains("mapping", StringComparison.OrdinalIgnoreCase)
            ? message + " If a value contains a colon, put it in double quotes."
            : message;
    }

    [GeneratedRegex("^Property '([^']+)' not found on type")]
    private static partial Regex UnknownField();
}
