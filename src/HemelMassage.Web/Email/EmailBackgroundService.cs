using HemelMassage.Web.Site;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

/// <summary>
/// Runs the feeds (<see cref="IOutboxFeed"/>) and the dispatcher every PollInterval and the reminder job every ReminderInterval, outside any
/// request. Says at startup where mail goes.
/// </summary>
public sealed class EmailBackgroundService(
    OutboxDispatcher dispatcher, IServiceScopeFactory scopes, ReminderScheduler reminders, FollowUpScheduler followUps, IMailSender sender, TimeProvider time,
    BackgroundStart backgroundStart, IOptions<EmailOptions> options, ILogger<EmailBackgroundService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("{Destination}", sender.Describe());
        if (!settings.DispatcherEnabled)
        {
            logger.LogInformation("The email dispatcher is switched off (Email:DispatcherEnabled=false)");
            return;
        }
        if (!await backgroundStart.WaitAsync(stoppingToken))
        {
            return;
        }
        var nextReminderRun = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (time.GetUtcNow() >= nextReminderRun)
                {
                    await reminders.QueueDueRemindersAsync(stoppingToken);
                    await followUps.QueueDueFollowUpsAsync(stoppingToken);
                    nextReminderRun = time.GetUtcNow() + settings.ReminderInterval;
                }
                await QueueFeedsAsync(stoppingToken);
                while (await dispatcher.DispatchOnceAsync(stoppingToken) >= settings.BatchSize)
                {
                    // A full batch means more may be waiting: carry on at once.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A busy or briefly unavailable database: the rows stay in the outbox for the next pass.
                logger.LogError(e, "Email dispatch pass failed; trying again in {Interval}", settings.PollInterval);
            }
            try
            {
                await Task.Delay(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task QueueFeedsAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        foreach (var feed in scope.ServiceProvider.GetServices<IOutboxFeed>())
        {
            await feed.QueueAsync(cancellationToken);
        }
    }
}
