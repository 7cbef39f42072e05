using MailKit.Net.Smtp;

namespace HemelMassage.Web.Email;

/// <summary>No session with the mail server could be set up (refused, unknown host, no answer in time, TLS or login failed): no message was tried.</summary>
public sealed class MailServerUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>Which failures are worth another try, and when that try comes.</summary>
public static class SendFailures
{
    /// <summary>
    /// A 5xx reply or an address that cannot be sent to will fail the same way every time. Everything
    /// else a server answered (4xx replies, a session dropped or timed out mid-message) may pass later,
    /// within MaxAttempts.
    /// </summary>
    public static bool IsPermanent(Exception failure) => failure switch
    {
        UndeliverableEmailException => true,
        SmtpCommandException command => (int)command.StatusCode >= 500,
        _ => false,
    };

    /// <summary>
    /// The server could not be reached or said it is closing (421, RFC 5321 3.8): nothing is wrong with the
    /// message, so no attempt is counted and the whole queue waits for the server instead.
    /// </summary>
    public static bool IsUnreachable(Exception failure) =>
        failure is MailServerUnavailableException or SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable };

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
            MailServerUnavailableException => $"Mail server unreachable: {failure.Message}",
            _ => $"{failure.GetType().Name}: {failure.Message}",
        };
        return text.Length <= 2000 ? text : text[..2000];
    }
}
