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

    // "60 minutes", "60-minute", "60 mins": the hour is TreatmentLength.Minutes wherever a page says it.
    [GeneratedRegex(@"\b60[ -]min", RegexOptions.IgnoreCase)]
    private static partial Regex HandWrittenLength();
}
