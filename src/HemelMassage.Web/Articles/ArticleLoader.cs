namespace HemelMassage.Web.Articles;

/// <summary>
/// Reads every <c>*.md</c> file in the folder; all or nothing, with every problem named. A file whose text
/// is unchanged since the last load keeps its rendered article, so editing one article renders one article:
/// renders equal distinct article versions, however many files the folder holds.
/// </summary>
public sealed class ArticleLoader(ArticleParser parser)
{
    private readonly Lock _lock = new();
    private Dictionary<string, (string Text, Article Article)> _previous = new(StringComparer.Ordinal);

    /// <exception cref="ArticleContentException">Any file is broken, or two files clash.</exception>
    public IReadOnlyList<Article> Load(string folder)
    {
        lock (_lock)
        {
            return LoadUnchangedOrParse(folder);
        }
    }

    private List<Article> LoadUnchangedOrParse(string folder)
    {
        var seen = new Dictionary<string, (string Text, Article Article)>(StringComparer.Ordinal);
        var problems = new List<string>();
        var articles = new List<Article>();
        if (!Directory.Exists(folder))
        {
            throw new ArticleContentException(folder, [$"the folder {folder} does not exist."]);
        }
        foreach (var path in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (IOException e)
            {
                problems.Add($"{file}: could not be read ({e.Message}).");
                continue;
            }
            var article = _previous.TryGetValue(path, out var known) && string.Equals(known.Text, text, StringComparison.Ordinal)
                ? known.Article
                : parser.Parse(file, text, problems);
            if (article is not null)
            {
                articles.Add(article);
                seen[path] = (text, article);
            }
        }
        CheckClashes(articles, problems);
        if (problems.Count > 0)
        {
            throw new ArticleContentException(folder, problems);
        }
        _previous = seen;
        return articles;
    }

    private static void CheckClashes(List<Article> articles, List<string> problems)
    {
        foreach (var clash in articles.GroupBy(a => a.Slug, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(" and ", clash.Select(a => a.SourceFile))}: the slug '{clash.Key}' is used by more than one file.");
        }
        var paths = articles.Select(a => (Path: "/articles/" + a.Slug, a.SourceFile, IsAlias: false))
            .Concat(articles.SelectMany(a => a.Aliases.Select(alias => (Path: alias, a.SourceFile, IsAlias: true))));
        foreach (var clash in paths.GroupBy(p => p.Path, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1 && g.Any(p => p.IsAlias)))
        {
            var files = clash.Select(p => p.SourceFile).Distinct().ToList();
            problems.Add(files.Count == 1
                ? $"{files[0]}: the alias '{clash.Key}' is listed twice or is the article's own address."
                : $"{string.Join(" and ", files)}: the alias '{clash.Key}' is claimed by more than one article.");
        }
    }
}
