using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Articles;

/// <summary>Where the Markdown articles live. Relative paths are taken from the content root.</summary>
public sealed class ArticlesOptions
{
    public const string Section = "Articles";

    /// <summary>
    /// The folder of <c>*.md</c> files. Empty means <c>content/articles</c> beside the app (a published
    /// site) or, failing that, the repository's <c>content/articles</c> (<c>dotnet run</c> from the clone).
    /// </summary>
    public string Path { get; set; } = "";

    public static string Resolve(string? configured, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return System.IO.Path.GetFullPath(configured, contentRoot);
        }
        var beside = System.IO.Path.Combine(contentRoot, "content", "articles");
        return Directory.Exists(beside)
            ? beside
            : System.IO.Path.GetFullPath(System.IO.Path.Combine("..", "..", "content", "articles"), contentRoot);
    }
}

public sealed class ArticlesOptionsValidator : IValidateOptions<ArticlesOptions>
{
    public ValidateOptionsResult Validate(string? name, ArticlesOptions options) =>
        Directory.Exists(options.Path)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Articles:Path: the articles folder '{options.Path}' does not exist.");
}
