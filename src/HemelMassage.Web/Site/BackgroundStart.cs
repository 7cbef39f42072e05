using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Site;

/// <summary>
/// Background jobs (email dispatch, reminders, note retention) begin their first pass only once the site
/// is serving and <see cref="SiteOptions.BackgroundStartDelay"/> has passed: on a small machine their first
/// queries would otherwise compete with start-up and the first visitor for the same core.
/// </summary>
public sealed class BackgroundStart(IHostApplicationLifetime lifetime, IOptions<SiteOptions> options)
{
    /// <summary>True once the job may begin; false when the site is stopping first.</summary>
    public async Task<bool> WaitAsync(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        try
        {
            using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            using (cancellationToken.Register(() => started.TrySetCanceled(cancellationToken)))
            {
                await started.Task;
            }
            if (options.Value.BackgroundStartDelay > TimeSpan.Zero)
            {
                // Real time, not the app's TimeProvider: this is about the machine's start-up, not the clinic's clock.
                await Task.Delay(options.Value.BackgroundStartDelay, cancellationToken);
            }
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
