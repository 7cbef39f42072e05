using MailKit.Net.Smtp;

namespace HemelMassage.Web.Email;

/// <summary>Which failures are worth another try, and when that try comes.</summary>
public static class SendFailures
{
    /// <summary>
    /// A 5xx reply or an address that cannot be sent to will fail the same way every time. Everything
    /// else (refused or dropped connections, timeouts, 4xx replies) may pass later, within MaxAttempts.
    /// </summary>
    public static bool IsPermanent(Exception failure) => failure switch
    {
        UndeliverableEmailException => true,
        SmtpCommandException command => (int)command.StatusCode >= 500,
        _ => false,
    };

    /// <summary>Failures of the server or the connection, not of one message: the rest of the batch waits too.</summary>
    public static bool IsConnectionLevel(Exception failure) => failure is not (UndeliverableEmailException or SmtpCommandException);

    /// <summary>
    /// Capped exponential back-off with "equal jitter": after attempt n the wait is between half and all
    /// of min(cap, base × 2^(n-1)), so instances that failed together do not retry together.
    /// </summary>
    public static TimeSpan Backoff(int attempts, EmailOptions options, double random)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ceiling = Math.Min(options.BackoffCap.TotalMilliseconds, options.BackoffBase.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling / 2 + ceiling / 2 * Math.Clamp(random, 0, 1));
    }

    public static string Describe(Exception failure)
    {
        var text = failure switch
        {
            SmtpCommandException command => $"SMTP {(int)command.StatusCode}: {command.Message}",
            _ => $"{failure.GetType().Name}: {failure.Message}",
        };
        return text.Length <= 2000 ? text : text[..2000];
    }
}
