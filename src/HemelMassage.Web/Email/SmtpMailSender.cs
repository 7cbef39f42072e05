using System.Net.Sockets;
using MailKit;
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
        private readonly StagedSmtpClient _client = new(options.Timeouts);

        public async Task SendAsync(MimeMessage message, OutboxMessage row, CancellationToken cancellationToken)
        {
            if (!_client.IsConnected)
            {
                await OpenSessionAsync(cancellationToken);
            }
            _client.Stage(options.Timeouts.Mail);
            await _client.SendAsync(message, cancellationToken, progress: _client);
        }

        /// <summary>Until a session is set up no message is in flight, so whatever goes wrong here means the server could not be reached.</summary>
        private async Task OpenSessionAsync(CancellationToken cancellationToken)
        {
            try
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    using var connect = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    connect.CancelAfter(options.Timeouts.Connect);
                    await socket.ConnectAsync(options.Host, options.Port, connect.Token);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
                _client.Stage(options.Timeouts.Greeting);
                await _client.ConnectAsync(socket, options.Host, options.Port, Secure(options.TlsMode), cancellationToken);
                if (!string.IsNullOrEmpty(options.User))
                {
                    await _client.AuthenticateAsync(options.User, options.Password, cancellationToken);
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (_client.IsConnected)
                {
                    await _client.DisconnectAsync(quit: false, CancellationToken.None);
                }
                var reason = e is OperationCanceledException ? $"no connection within {options.Timeouts.Connect}" : SendFailures.Describe(e);
                throw new MailServerUnavailableException($"{options.Host}:{options.Port} could not be reached: {reason}", e);
            }
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
            catch (Exception e) when (e is IOException or OperationCanceledException or MailKit.ProtocolException or SocketException)
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

    /// <summary>
    /// MailKit has one Timeout for every read and write, taken afresh by each; this client moves it on as a
    /// transaction passes each stage (RFC 5321 4.5.3.2): MAIL, then RCPT once the sender is accepted, DATA once
    /// a recipient is, each data block as the message is written, and the final "." once all of it is.
    /// </summary>
    private sealed class StagedSmtpClient(SmtpTimeouts timeouts) : SmtpClient, ITransferProgress
    {
        public void Stage(TimeSpan timeout) => Timeout = (int)timeout.TotalMilliseconds;

        protected override void OnSenderAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnSenderAccepted(message, mailbox, response);
            Stage(timeouts.Rcpt);
        }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            base.OnRecipientAccepted(message, mailbox, response);
            Stage(timeouts.DataInit);
        }

        // The count is of bytes after dot-stuffing, the total before it, so the last block always reaches the total.
        public void Report(long bytesTransferred, long totalSize) =>
            Stage(bytesTransferred >= totalSize ? timeouts.DataTermination : timeouts.DataBlock);

        public void Report(long bytesTransferred) => Stage(timeouts.DataTermination);
    }
}
