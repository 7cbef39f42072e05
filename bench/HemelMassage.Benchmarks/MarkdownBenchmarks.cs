using System.Text;
using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Articles;

namespace HemelMassage.Benchmarks;

/// <summary>
/// The article pipeline the site runs once per file version (front matter, Markdig, sanitizer, reading
/// time), on a 10 KB and a 100 KB article built from the repository's own articles.
/// </summary>
[MemoryDiagnoser]
public class MarkdownBenchmarks
{
    private readonly ArticleRenderer _renderer = new();
    private readonly ArticleParser _parser;
    private string _text = null!;
    private string _body = null!;

    public MarkdownBenchmarks() => _parser = new ArticleParser(_renderer);

    [Params(10, 100)]
    public int Kilobytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var bodies = Directory.EnumerateFiles(BenchClinic.ArticlesPath, "*.md").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split("\n---\n", 2)[1]).ToList();
        var body = new StringBuilder();
        for (var i = 0; body.Length < Kilobytes * 1024; i++)
        {
            body.Append(bodies[i % bodies.Count]).Append("\n\n");
        }
        _body = body.ToString(0, Kilobytes * 1024);
        _text = "---\ntitle: \"Bench\"\nslug: bench\nsummary: \"Bench.\"\npublished: 2026-01-01\n---\n" + _body;
    }

    /// <summary>Markdig and the sanitizer alone, without front matter and reading time.</summary>
    [Benchmark]
    public string Render_to_safe_html() => _renderer.ToHtml(_body);

    [Benchmark]
    public Article? Parse_and_render()
    {
        var problems = new List<string>();
        return _parser.Parse("bench.md", _text, problems) ?? throw new InvalidOperationException(string.Join("; ", problems));
    }
}
