using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;

namespace HemelMassage.Web.Articles;

/// <summary>Markdown to safe HTML, once per file read. One pipeline and one sanitizer for the whole app.</summary>
public sealed class ArticleRenderer
{
    private const int WordsPerMinute = 200;

    // Chosen extensions only: UseAdvancedExtensions would also bring generic attributes ({onclick=...})
    // and media embeds (iframes), which the sanitizer would then have to undo.
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UseFootnotes()
        .DisableHtml()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();
    private long _renders;

    /// <summary>Markdown bodies rendered since start: diagnostics and tests prove cached pages render nothing.</summary>
    public long Renders => Interlocked.Read(ref _renders);

    // Markdig's DisableHtml() drops raw HTML but still emits javascript: and data: links: the sanitizer's
    // scheme allow-list is the guard.
    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" })
        {
            sanitizer.AllowedSchemes.Add(scheme);
        }
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowDataAttributes = false;
        return sanitizer;
    }

    public string ToHtml(string markdown)
    {
        Interlocked.Increment(ref _renders);
        var html = Markdown.ToHtml(markdown, _pipeline);
        lock (_sanitizer)
        {
            return _sanitizer.Sanitize(html);
        }
    }

    public int ReadingMinutes(string markdown)
    {
        var text = Markdown.ToPlainText(markdown, _pipeline);
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
        return Math.Max(1, (int)Math.Round(words / (double)WordsPerMinute, MidpointRounding.AwayFromZero));
    }
}
