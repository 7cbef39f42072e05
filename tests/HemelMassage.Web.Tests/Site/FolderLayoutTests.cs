using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Tests.Site;

/// <summary>One folder per thing a user does, and each fact stated once: the layout the README describes holds.</summary>
public sealed partial class FolderLayoutTests
{
    private static string Web => Path.Combine(RepositoryPaths.Root, "src", "HemelMassage.Web");

    [Fact]
    public void No_page_states_the_length_of_a_treatment_by_hand()
    {
        var stated = Directory.EnumerateFiles(Web, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => HandWrittenLength().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Web, f))
            .ToList();

        Assert.Empty(stated);
    }

    [Theory]
    [InlineData("Areas")]
    [InlineData("Controllers")]
    [InlineData("Schedules")]
    public void There_is_no_folder_sorted_by_kind_of_code_rather_than_by_feature(string folder) =>
        Assert.False(Directory.Exists(Path.Combine(Web, folder)), $"{folder}/ is back: put its files in their feature's folder.");

    [Fact]
    public void Every_controller_lives_in_a_feature_namespace_with_its_views_beside_it()
    {
        var misplaced = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Controller).IsAssignableFrom(t) && !t.IsAbstract)
            .Where(t => t.Namespace is not { } ns || ns.Split('.').Length != 3 || !Directory.Exists(Path.Combine(Web, ns.Split('.')[2])))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(misplaced);
    }

    [Fact]
    public void The_readme_layout_table_names_every_folder_down_to_each_feature()
    {
        var named = LayoutPaths().Select(p => p.TrimEnd('/')).ToHashSet(StringComparer.Ordinal);
        var folders = new[] { "", "src/HemelMassage.Web", "tests", "bench", "docs", "content" }
            .SelectMany(parent => Folders(parent).Select(f => parent.Length == 0 ? f : $"{parent}/{f}"));

        var missing = folders.Where(f => !named.Contains(f) && !named.Any(n => n.StartsWith(f + "/", StringComparison.Ordinal))).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Every_path_the_readme_layout_table_names_exists()
    {
        var gone = LayoutPaths().Where(p => !Directory.Exists(Path.Combine(RepositoryPaths.Root, p)) && !File.Exists(Path.Combine(RepositoryPaths.Root, p))).ToList();

        Assert.NotEmpty(LayoutPaths());
        Assert.Empty(gone);
    }

    [Fact]
    public void No_file_points_the_reader_to_a_document_outside_the_repository()
    {
        var cited = new[] { "src", "tests", "bench", ".ci", "docs", "content" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*", SearchOption.AllDirectories))
            .Append(Path.Combine(RepositoryPaths.Root, "README.md"))
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(Ignored.Contains) && !BinaryFile().IsMatch(f))
            .SelectMany(f => DocumentName().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetRelativePath(RepositoryPaths.Root, f), Cited: m.Value)))
            .Where(c => c.Cited.Contains("shared/", StringComparison.Ordinal) || !RepositoryDocuments.Contains(Path.GetFileName(c.Cited)))
            .Select(c => $"{c.File}: {c.Cited}")
            .ToList();

        Assert.Empty(cited);
    }

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal)
        { "bin", "obj", ".git", "node_modules", "App_Data", "data", "TestResults", "artifacts", "test-output", "BenchmarkDotNet.Artifacts", "out", ".vs", ".idea" };

    private static readonly HashSet<string> RepositoryDocuments = Directory
        .EnumerateFiles(RepositoryPaths.Root, "*.md", SearchOption.AllDirectories)
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(Ignored.Contains))
        .Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<string> Folders(string parent) =>
        Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, parent)).Select(Path.GetFileName).OfType<string>()
            .Where(name => !Ignored.Contains(name));

    private static List<string> LayoutPaths()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var layout = readme[readme.IndexOf("\n## Layout", StringComparison.Ordinal)..];
        layout = layout[..layout.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        return [.. LayoutRow().Matches(layout).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex LayoutRow();

    // A document named in upper case (the way READMEs and notes are named), or anything under a shared/ folder.
    [GeneratedRegex(@"(?:\.\./|/)?(?:shared/)?\b[A-Z][A-Z0-9_-]+\.md\b|\.\./shared/[\w./-]*")]
    private static partial Regex DocumentName();

    [GeneratedRegex(@"\.(png|jpg|ico|woff2?|dll|pdb|db)$", RegexOptions.IgnoreCase)]
    private static partial Regex BinaryFile();

    // "60 minutes", "60-minute", "60 mins": the hour is TreatmentLength.Minutes wherever a page says it.
    [GeneratedRegex(@"\b60[ -]min", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenLength();
}
