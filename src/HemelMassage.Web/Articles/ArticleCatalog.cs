namespace HemelMassage.Web.Articles;

/// <summary>Every article, in memory. Replaced whole when the content folder changes.</summary>
public sealed class ArticleCatalog
{
    /// <summary>Articles a visitor may see, newest first (drafts only outside Production).</summary>
    public IReadOnlyList<Article> Listed { get; private set; } = [];

    public Article? Find(string slug) => Listed.FirstOrDefault(a => a.Slug == slug);
}
