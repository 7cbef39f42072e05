using System.Threading.Channels;

namespace HemelMassage.Web.Staff;

/// <summary>
/// "Forgotten your password?" requests, handled after the answer has gone: the page says the same thing, at the same
/// speed, whether the email has an account or not, because looking the account up, making its link and writing the
/// email all happen here, off the request. A flood beyond the queue's size is dropped (the rate limit stops it first).
/// </summary>
public sealed class ForgottenPasswords(IServiceScopeFactory scopes, ILogger<ForgottenPasswords> logger) : BackgroundService
{
    private readonly Channel<string> _requests = Channel.CreateBounded<string>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Request(string email) => _requests.Writer.TryWrite(email.Trim());

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var email in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<StaffAccounts>().RequestNewPasswordLinkAsync(email);
                logger.LogInformation("A new-password link was asked for {Email}: {Outcome}", email, sent ? "emailed" : "nothing sent (no active account, or one sent in the last few minutes)");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A new-password link for {Email} could not be queued", email);
            }
        }
    }
}
