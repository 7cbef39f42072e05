using MimeKit;

namespace HemelMassage.Web.Email;

/// <summary>The embedded default: each message becomes a file in {data}/mail that any mail app opens.</summary>
public sealed class EmlFileSender(MailFolder folder) : IMailSender, IMailConnection
{
    public string Folder => folder.Path;

    public IMailConnection Open() => this;

    public string Describe() => $"Emails are written to files in {Folder} (set Email:Host to send them over SMTP)";

    public async Task SendAsync(MimeMessage message, OutboxMessage row, CancellationToken cancellationToken)
    {
        var path = folder.FileOf(row);
        // Written beside, then moved, so a watcher never opens half a message.
        var temporary = path + ".tmp";
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
