using System.Text;
using MimeKit;

namespace HemelMassage.Web.Email;

/// <summary>Thrown for a row that can never be sent as it stands, such as a malformed recipient.</summary>
public sealed class UndeliverableEmailException(string message) : Exception(message);

/// <summary>
/// Builds the MIME message of an outbox row: text and HTML alternatives, the invitation as a
/// text/calendar alternative (what Outlook and Apple Mail act on) and as an .ics attachment.
/// </summary>
public sealed class OutboxMimeBuilder(EmailPolicy policy)
{
    public MimeMessage Build(OutboxMessage row)
    {
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Subject = EmailSanitizer.SingleLine(row.Subject),
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
        };
        message.From.Add(new MailboxAddress(EmailSanitizer.SingleLine(policy.FromName), policy.FromAddress));
        message.To.Add(Recipient(row.ToName, row.ToAddress));

        var alternative = new MultipartAlternative { Text("plain", row.TextBody), Text("html", row.HtmlBody) };
        if (BookingCalendar.MethodOf(row.Ics) is not { } method)
        {
            message.Body = alternative;
            return message;
        }
        var calendar = Text("calendar", row.Ics!);
        calendar.ContentType.Parameters.Add("method", method);
        alternative.Add(calendar);

        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(Encoding.UTF8.GetBytes(row.Ics!))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = method == BookingCalendar.Cancel ? "cancellation.ics" : "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }

    /// <summary>
    /// The address must parse as exactly one mailbox and be exactly what was typed: a value with CR/LF,
    /// a comma or a second address is refused, so it can add neither a header nor a recipient.
    /// </summary>
    public static MailboxAddress Recipient(string? name, string address)
    {
        if (address.Any(char.IsControl) ||
            !MailboxAddress.TryParse(address, out var parsed) ||
            !Site.EmailAddresses.IsExactly(parsed, address) ||
            !parsed.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new UndeliverableEmailException("Not a valid email address: " + EmailSanitizer.SingleLine(address));
        }
        return new MailboxAddress(EmailSanitizer.SingleLine(name), parsed.Address);
    }

    private static TextPart Text(string subtype, string body)
    {
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, body);
        return part;
    }
}
