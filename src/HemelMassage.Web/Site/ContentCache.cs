using Microsoft.AspNetCore.OutputCaching;

namespace HemelMassage.Web.Site;

/// <summary>
/// The output cache for pages built from articles and treatments (home, treatments, articles, feeds).
/// Whatever changes an article or a treatment calls <see cref="EvictAsync"/>. The cache is in each
/// instance's memory, so another instance sees the change when its copy expires
/// (<see cref="SiteOptions.ContentCacheExpiry"/>: a minute when the database is shared).
/// </summary>
public sealed class ContentCache(IOutputCacheStore store)
{
    public const string Policy = "content";
    public const string Tag = "content";

    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);
}
