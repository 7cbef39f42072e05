using System.Collections.Frozen;

namespace HemelMassage.Web.Articles;

/// <summary>
/// Every article, in memory. Replaced whole when the content folder changes: readers always see one
/// complete, immutable snapshot, old or new, never a mixture.
/// </summary>
public sealed class ArticleCatalog(bool showDrafts)
{
    private Snapshot _current = Snapshot.Create([], showDrafts);

    /// <summary>Articles a visitor may see, newest first (drafts only outside Production).</summary>
    public IReadOnlyList<Article> Listed => Volatile.Read(ref _current).Listed;

    /// <summary>Tags of the listed articles, alphabetically.</summary>
    public IReadOnlyList<string> Tags => Volatile.Read(ref _current).Tags;

    public Article? Find(string slug) => Volatile.Read(ref _current).BySlug.GetValueOrDefault(slug);

    /// <summary>The article an old address (alias) now lives at, if any.</summary>
    public Article? FindByAlias(string path) =>
        Volatile.Read(ref _current).ByAlias.GetValueOrDefault(path.Length > 1 ? path.TrimEnd('/') : path);

    public IReadOnlyList<Article> Tagged(string tag) => Volatile.Read(ref _current).ByTag.GetValueOrDefault(tag) ?? [];

    /// <summary>Up to <paramref name="count"/> other articles: most shared tags first, then newest.</summary>
    public IReadOnlyList<Article> RelatedTo(Article article, int count = 3) =>
        Listed.Where(a => a.Slug != article.Slug)
            .Select(a => (Article: a, Shared: a.Tags.Intersect(article.Tags, StringComparer.Ordinal).Count()))
            .Where(x => x.Shared > 0)
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Article.Published)
            .Select(x => x.Article)
            .Take(count)
            .ToList();

    public void Replace(IEnumerable<Article> articles) => Volatile.Write(ref _current, Snapshot.Create(articles, showDrafts));

    private sealed record Snapshot(
        IReadOnlyList<Article> Listed,
        IReadOnlyList<string> Tags,
        FrozenDictionary<string, Article> BySlug,
        FrozenDictionary<string, Article> ByAlias,
        FrozenDictionary<string, IReadOnlyList<Article>> ByTag)
    {
        public static Snapshot Create(IEnumerable<Article> all, bool showDrafts)
        {
            var listed = all.Where(a => showDrafts || !a.Draft)
                .OrderByDescending(a => a.Published).ThenBy(a => a.Title, StringComparer.Ordinal)
                .ToList();
            var byTag = listed.SelectMany(a => a.Tags.Select(t => (Tag: t, Article: a)))
                .GroupBy(x => x.Tag, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => (IReadOnlyList<Article>)g.Select(x => x.Article).ToList(), StringComparer.Ordinal);
            return new Snapshot(
                listed,
                byTag.Keys.Order(StringComparer.Ordinal).ToList(),
                listed.ToFrozenDictionary(a => a.Slug, StringComparer.Ordinal),
                listed.SelectMany(a => a.Aliases.Select(alias => (alias, a))).ToFrozenDictionary(x => x.alias, x => x.a, StringComparer.OrdinalIgnoreCase),
                byTag);
        }
    }
}
