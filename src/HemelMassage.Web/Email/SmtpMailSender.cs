using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace HemelMassage.Web.Email;

public sealed class SmtpMailSender(IOptions<EmailOptions> options) : IMailSender
{
    public IMailConnection Open() => new Connection(options.Value);

    public string Describe() => $"Emails are sent through {options.Value.Host}:{options.Value.Port} ({options.Value.TlsMode})";

    private sealed class Connection(EmailOptions options) : IMailConnection
    {
        private readonly SmtpClient _client = new() { Timeout = (int)options.SendTimeout.TotalMilliseconds };

        public async Task SendAsync(MimeMessage message, OutboxMessage row, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                await _client.ConnectAsync(options.Host, options.Port, Secure(options.TlsMode), cancellationToken);
                if (!string.IsNullOrEmpty(options.User))
                {
                    await _client.AuthenticateAsync(options.User, options.Password, cancellationToken);
                }
            }
            await _client.SendAsync(message, cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (_client.IsConnected)
                {
                    using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await _client.DisconnectAsync(quit: true, quit.Token);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or System.Net.Sockets.SocketException)
            {
                // Every message is already accepted or marked; a lost QUIT changes nothing.
            }
            finally
            {
                _client.Dispose();
            }
        }

        private static SecureSocketOptions Secure(SmtpTlsMode mode) => mode switch
        {
            SmtpTlsMode.None => SecureSocketOptions.None,
            SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
            SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
    }
}
