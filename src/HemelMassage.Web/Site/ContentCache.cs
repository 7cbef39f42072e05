using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Site;

/// <summary>
/// The output cache for pages built from articles and treatments (home, treatments, articles, feeds).
/// Whatever changes an article or a treatment calls <see cref="EvictAsync"/>.
/// </summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    public const string Policy = "content";
    public const string Tag = "content";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}
