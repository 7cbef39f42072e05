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
}
