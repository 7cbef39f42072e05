namespace HemelMassage.Web.Email;

/// <summary>
/// While no mail server can be reached, the dispatcher claims nothing until the next try, and the waits grow
/// as retries do (<see cref="SendFailures.Backoff"/>, up to Email:BackoffCap). It is per app instance: each
/// instance finds the server down, or back, for itself. Dispatch passes may run at once, hence the lock.
/// </summary>
public sealed class MailOutage(EmailOptions options)
{
    private readonly Lock _lock = new();
    private int _failures;
    private DateTime _until = DateTime.MinValue;

    public bool IsWaiting(DateTime now)
    {
        lock (_lock)
        {
            return now < _until;
        }
    }

    /// <summary>Another failed try; returns when the next may be made.</summary>
    public DateTime Begin(DateTime now, double random)
    {
        lock (_lock)
        {
            _failures++;
            _until = now + SendFailures.Backoff(_failures, options, random);
            return _until;
        }
    }

    /// <summary>A server answered.</summary>
    public void End()
    {
        lock (_lock)
        {
            _failures = 0;
            _until = DateTime.MinValue;
        }
    }
}
