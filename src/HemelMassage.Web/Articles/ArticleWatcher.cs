using HemelMassage.Web.Site;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Articles;

/// <summary>
/// Loads the catalogue at startup (a broken file stops the app) and reloads it when a file changes
/// (a broken file is logged and the previous catalogue stays, so no visitor sees a half page).
/// </summary>
public sealed class ArticleWatcher(
    ArticleLoader loader,
    ArticleCatalog catalog,
    ContentCache cache,
    IOptions<ArticlesOptions> options,
    TimeProvider time,
    ILogger<ArticleWatcher> logger) : IHostedService, IDisposable
{
    // Editors save in bursts (temp file, rename, touch): wait for the burst to end, then read once.
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(200);
    private readonly SemaphoreSlim _reloading = new(1, 1);
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    private string Folder => options.Value.Path;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        catalog.Replace(loader.Load(Folder));
        logger.LogInformation("Loaded {Count} articles from {Folder}", catalog.Listed.Count, Folder);
        _timer = time.CreateTimer(_ => _ = ReloadAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            _watcher = Watch(Folder);
        }
        catch (IOException e)
        {
            // Out of inotify watches, for example: the site still serves what it loaded.
            logger.LogWarning(e, "Not watching {Folder}; article changes need a restart.", Folder);
        }
        return Task.CompletedTask;
    }

    private FileSystemWatcher Watch(string folder)
    {
        var watcher = new FileSystemWatcher(folder, "*.md")
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size,
            IncludeSubdirectories = false,
        };
        watcher.Changed += (_, _) => Schedule();
        watcher.Created += (_, _) => Schedule();
        watcher.Deleted += (_, _) => Schedule();
        watcher.Renamed += (_, _) => Schedule();
        watcher.Error += (_, _) => Schedule();
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void Schedule() => _timer?.Change(s_debounce, Timeout.InfiniteTimeSpan);

    /// <summary>Reads the folder again; returns false (and keeps the old catalogue) if any file is broken.</summary>
    public async Task<bool> ReloadAsync()
    {
        await _reloading.WaitAsync();
        try
        {
            catalog.Replace(loader.Load(Folder));
            await cache.EvictAsync();
            logger.LogInformation("Reloaded {Count} articles from {Folder}", catalog.Listed.Count, Folder);
            return true;
        }
        catch (ArticleContentException e)
        {
            logger.LogError("Articles not reloaded; the site keeps the previous version. {Problems}", e.Message);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError(e, "Articles not reloaded; the site keeps the previous version.");
            return false;
        }
        finally
        {
            _reloading.Release();
        }
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
        _reloading.Dispose();
    }
}
