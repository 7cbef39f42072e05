using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

/// <summary>A temporary articles folder that tests may change; content/articles itself is never touched.</summary>
public sealed class ArticleFolder : IDisposable
{
    public ArticleFolder(bool withRepositoryArticles = false)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "hemel-articles", Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(Path);
        if (withRepositoryArticles)
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Articles, "*.md"))
            {
                File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
            }
        }
    }

    public string Path { get; }

    public ArticleFolder Write(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text);
        return this;
    }

    /// <summary>Writes <c>{slug}.md</c> with valid front matter; pass extra YAML lines to add or override fields.</summary>
    public ArticleFolder Article(string slug, string body = "Some useful words.", params string[] extraYaml) =>
        Write(slug + ".md", Text(slug, body, extraYaml));

    public static string Text(string slug, string body = "Some useful words.", params string[] extraYaml)
    {
        var fields = new Dictionary<string, string>
        {
            ["title"] = $"\"Article {slug}\"",
            ["slug"] = slug,
            ["summary"] = $"\"Summary of {slug}.\"",
            ["published"] = "2025-06-01",
            ["tags"] = "[test-tag]",
            ["draft"] = "false",
        };
        foreach (var line in extraYaml)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            fields[line[..colon]] = line[(colon + 1)..].Trim();
        }
        var yaml = string.Join("\n", fields.Where(f => f.Value.Length > 0).Select(f => $"{f.Key}: {f.Value}"));
        return $"---\n{yaml}\n---\n\n{body}\n";
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
