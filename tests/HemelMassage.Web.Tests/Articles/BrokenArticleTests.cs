using HemelMassage.Web.Articles;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

/// <summary>
/// The start is what fails, so a started site cannot be shared; the start's failure can. The loader reads every
/// file and names every problem at once, so one start on a folder holding all the broken files answers each file's
/// test (its own line of the message), and one more start answers the two clashes. The missing folder starts its own.
/// </summary>
public sealed class BrokenArticleTests(BrokenArticleTests.Starts starts) : IClassFixture<BrokenArticleTests.Starts>, IDisposable
{
    private readonly ArticleFolder _content = new ArticleFolder().Article("good-one");

    /// <summary>Each folder's failed start, made on first use and kept for the class.</summary>
    public sealed class Starts : IDisposable
    {
        private readonly ArticleFolder _broken = new ArticleFolder().Article("good-one");
        private readonly ArticleFolder _clashes = new ArticleFolder().Article("good-one");
        private readonly Lazy<Exception> _brokenFailure;
        private readonly Lazy<Exception> _clashFailure;

        public Starts()
        {
            foreach (var file in BrokenFiles())
            {
                _broken.Write((string)file[0], (string)file[1]);
            }
            _broken.Write("one.md", ArticleFolder.Text("one", extraYaml: "title:")).Write("two.md", ArticleFolder.Text("two", extraYaml: "summary:"));
            _clashes.Write("copy-of-good-one.md", ArticleFolder.Text("good-one"))
                .Article("first", extraYaml: "aliases: [/blog/old]").Article("second", extraYaml: "aliases: [/blog/old/]");
            _brokenFailure = new(() => StartFailure(_broken));
            _clashFailure = new(() => StartFailure(_clashes));
        }

        public string BrokenFolder => _broken.Path;

        public Exception BrokenFilesFailure => _brokenFailure.Value;

        public Exception ClashFailure => _clashFailure.Value;

        private static Exception StartFailure(ArticleFolder folder)
        {
            using var site = new SiteFactory().WithArticles(folder);
            return Record.Exception(() => site.CreateClient()) ?? new InvalidOperationException("The site started.");
        }

        public void Dispose()
        {
            _broken.Dispose();
            _clashes.Dispose();
        }
    }

    /// <summary>The message's line for <paramref name="file"/>'s problem ("- file: ...").</summary>
    private static string LineFor(string message, string file) =>
        Assert.Single(message.Split(System.Environment.NewLine), l => l.StartsWith("- " + file + ":", StringComparison.Ordinal));

    public static TheoryData<string, string, string> BrokenFiles() => new()
    {
        { "colon.md", "---\ntitle: Hamstrings: the link\nslug: colon\nsummary: x\npublished: 2025-01-01\n---\nBody", "not valid YAML (line 2)" },
        { "untitled.md", ArticleFolder.Text("untitled", extraYaml: "title:"), "missing title" },
        { "no-date.md", ArticleFolder.Text("no-date", extraYaml: "published:"), "missing published date" },
        { "bad-date.md", ArticleFolder.Text("bad-date", extraYaml: "published: 14/05/2025"), "must be written YYYY-MM-DD" },
        { "bad-slug.md", ArticleFolder.Text("Bad Slug!"), "slug 'Bad Slug!' must be lower-case" },
        { "no-slug.md", ArticleFolder.Text("x", extraYaml: "slug:"), "missing slug" },
        { "typo.md", ArticleFolder.Text("typo", extraYaml: "drafts: true"), "unknown field 'drafts'" },
        { "scalar-tags.md", ArticleFolder.Text("scalar-tags", extraYaml: "tags: back-pain"), "(line 6): a value has the wrong shape" },
        { "hides-book.md", ArticleFolder.Text("hides-book", extraYaml: "aliases: [/book]"), "alias '/book' is a page of this site" },
        { "bare.md", "# Just a heading\n\nNo front matter here.", "must start with front matter" },
        { "bad-region.md", ArticleFolder.Text("bad-region", extraYaml: "regions: [lower-back, hamstring-left]"), "region 'hamstring-left' is not on the body map" },
        { "bad-pair.md", ArticleFolder.Text("bad-pair", extraYaml: "explains: [{ felt: lower-back, worked: hamstring }]"), "explains: 'hamstring' is not on the body map" },
        { "half-pair.md", ArticleFolder.Text("half-pair", extraYaml: "explains: [{ felt: lower-back }]"), "each entry of explains needs both felt and worked" },
        { "same-pair.md", ArticleFolder.Text("same-pair", extraYaml: "explains: [{ felt: knees, worked: knees-left }]"), "felt 'knees' and worked 'knees-left' are the same area" },
        { "pair-typo.md", ArticleFolder.Text("pair-typo", extraYaml: "explains: [{ feel: lower-back, worked: glutes }]"), "unknown field 'feel'" },
        { "bad-alias.md", ArticleFolder.Text("bad-alias", extraYaml: "aliases: [https://elsewhere.example/x]"), "alias 'https://elsewhere.example/x'" },
    };

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void A_broken_article_stops_startup_with_a_message_naming_the_file_and_the_problem(string file, string text, string problem)
    {
        Assert.Equal(text, File.ReadAllText(Path.Combine(starts.BrokenFolder, file)));
        var failure = Assert.IsAssignableFrom<ArticleContentException>(starts.BrokenFilesFailure);

        Assert.Contains(file + ":", failure.Message, StringComparison.Ordinal);
        Assert.Contains(problem, LineFor(failure.Message, file), StringComparison.Ordinal);
        Assert.DoesNotContain("good-one.md", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_files_with_the_same_slug_stop_startup_naming_both_files()
    {
        var failure = Assert.IsAssignableFrom<ArticleContentException>(starts.ClashFailure);

        Assert.Contains("copy-of-good-one.md and good-one.md: the slug 'good-one' is used by more than one file", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_articles_claiming_the_same_old_address_stop_startup_naming_both_files()
    {
        var failure = Assert.IsAssignableFrom<ArticleContentException>(starts.ClashFailure);

        Assert.Contains("first.md and second.md: the alias '/blog/old' is claimed by more than one article", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_broken_file_is_reported_at_once()
    {
        var failure = Assert.IsAssignableFrom<ArticleContentException>(starts.BrokenFilesFailure);

        Assert.Contains("one.md: missing title", failure.Message, StringComparison.Ordinal);
        Assert.Contains("two.md: missing summary", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_articles_folder_stops_startup_naming_the_folder()
    {
        // A start of its own: the folder setting is what differs.
        var missing = Path.Combine(_content.Path, "not-here");
        using var site = new SiteFactory().With("Articles:Path", missing);

        var failure = Assert.ThrowsAny<Exception>(() => site.CreateClient());

        Assert.Contains(missing, failure.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _content.Dispose();
}
