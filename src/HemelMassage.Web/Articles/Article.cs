namespace HemelMassage.Web.Articles;

/// <summary>One article, parsed and rendered once when its file is read.</summary>
public sealed record Article(
    string Slug,
    string Title,
    string Summary,
    DateOnly Published,
    DateOnly? Updated,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Regions,
    bool Draft,
    string? Image,
    IReadOnlyList<string> Aliases,
    string Html,
    int ReadingMinutes,
    string SourceFile)
{
    public DateOnly LastModified => Updated ?? Published;

    /// <summary>The (felt, worked) pairs the article explains: pain felt in one area, eased by working another.</summary>
    public IReadOnlyList<AreaPair> Explains { get; init; } = [];
}

/// <summary>
/// Pain felt in <see cref="Felt"/> that working <see cref="Worked"/> may ease; each a region code or a group of both
/// sides (<see cref="Intake.BodyRegions.Expand"/>).
/// </summary>
public sealed record AreaPair(string Felt, string Worked)
{
    public bool Matches(IReadOnlyCollection<string> felt, IReadOnlyCollection<string> worked) =>
        Intake.BodyRegions.Expand(Felt).Any(felt.Contains) && Intake.BodyRegions.Expand(Worked).Any(worked.Contains);
}
