using MimeKit;

namespace HemelMassage.Web.Email;

/// <summary>Where the dispatcher hands built messages: an SMTP server, or .eml files.</summary>
public interface IMailSender
{
    /// <summary>Opens one connection for a batch; it connects lazily and reconnects after a failure.</summary>
    IMailConnection Open();

    /// <summary>Said once at startup, so whoever runs the site knows where mail goes.</summary>
    string Describe();
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, OutboxMessage row, CancellationToken cancellationToken);
}
