namespace HemelMassage.Web.Articles;

/// <summary>Reads every <c>*.md</c> file in the folder; all or nothing, with every problem named.</summary>
public sealed class ArticleLoader(ArticleParser parser)
{
    /// <exception cref="ArticleContentException">Any file is broken, or two files clash.</exception>
    public IReadOnlyList<Article> Load(string folder)
    {
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
            if (parser.Parse(file, text, problems) is { } article)
            {
                articles.Add(article);
            }
        }
        CheckClashes(articles, problems);
        return problems.Count > 0 ? throw new ArticleContentException(folder, problems) : articles;
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
