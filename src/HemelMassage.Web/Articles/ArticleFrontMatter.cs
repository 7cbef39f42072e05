namespace HemelMassage.Web.Articles;

/// <summary>The YAML block at the top of an article file, exactly as written (dates still text).</summary>
public sealed class ArticleFrontMatter
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? Published { get; set; }
    public string? Updated { get; set; }
    public List<string>? Tags { get; set; }
    public List<string>? Regions { get; set; }
    public List<AreaPairFrontMatter?>? Explains { get; set; }
    public bool Draft { get; set; }
    public string? Image { get; set; }
    public List<string>? Aliases { get; set; }
}

/// <summary>One entry of <c>explains:</c>, as written: <c>{ felt: lower-back, worked: hamstrings }</c>.</summary>
public sealed class AreaPairFrontMatter
{
    public string? Felt { get; set; }
    public string? Worked { get; set; }
}
