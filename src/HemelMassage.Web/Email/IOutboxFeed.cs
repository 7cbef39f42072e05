namespace HemelMassage.Web.Email;

/// <summary>
/// Something another feature queues on the email side's pass, outside any request, just before the outbox is sent:
/// a request whose answer must not wait on what the email decides (the account's sign-in links). Scoped: one
/// database context per pass.
/// </summary>
public interface IOutboxFeed
{
    /// <summary>Adds and saves the outbox rows now due; returns how many.</summary>
    Task<int> QueueAsync(CancellationToken cancellationToken);
}
