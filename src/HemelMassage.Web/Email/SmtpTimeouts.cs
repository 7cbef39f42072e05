namespace HemelMassage.Web.Email;

/// <summary>
/// How long to wait at each stage of sending an email (<c>Email:Timeouts:*</c>), after RFC 5321 section
/// 4.5.3.2. The stages differ: a server may take up to 10 minutes to answer the final "." of a message
/// while it delivers it, and one that is given up on sooner has usually kept the message, so the next
/// attempt would deliver a second copy.
/// </summary>
public sealed class SmtpTimeouts
{
    /// <summary>Finding the server (DNS) and opening the TCP connection. RFC 5321 names no figure.</summary>
    public TimeSpan Connect { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The 220 greeting, and each reply while the session is set up (EHLO, STARTTLS, AUTH).</summary>
    public TimeSpan Greeting { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The reply to MAIL FROM.</summary>
    public TimeSpan Mail { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The reply to RCPT TO.</summary>
    public TimeSpan Rcpt { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The 354 reply to DATA.</summary>
    public TimeSpan DataInit { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Each block of the message written to the server.</summary>
    public TimeSpan DataBlock { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>The reply to the final ".", which comes once the server has taken the message.</summary>
    public TimeSpan DataTermination { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one email takes at most: a fresh session, then each stage once (an email here is a few blocks, written at once).</summary>
    public TimeSpan OneMessage => Connect + Greeting + Mail + Rcpt + DataInit + DataBlock + DataTermination;

    public IEnumerable<(string Name, TimeSpan Value)> Stages =>
    [
        (nameof(Connect), Connect), (nameof(Greeting), Greeting), (nameof(Mail), Mail), (nameof(Rcpt), Rcpt),
        (nameof(DataInit), DataInit), (nameof(DataBlock), DataBlock), (nameof(DataTermination), DataTermination),
    ];
}
