using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace HemelMassage.Web.Tests.Email;

public sealed class EmlFileTests
{
    [Fact]
    public async Task With_no_smtp_host_each_email_is_written_as_a_readable_eml_file_in_the_data_folder()
    {
        using var site = new EmailSite(smtpPort: null);
        site.Notify((n, db) => n.Booked(db, Notices.Booking()));

        await site.DispatchUntilIdleAsync();

        var folder = Path.Combine(site.Factory.DataDirectory, "mail");
        var files = Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.Matches(@"20261130-100000-confirmation-\d+\.eml$", files[1]);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));

        var confirmation = await MimeMessage.LoadAsync(files[1]);
        Assert.Equal("ann@example.com", confirmation.To.Mailboxes.Single().Address);
        Assert.StartsWith("Booking confirmed", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("Your booking is confirmed", confirmation.TextBody, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VCALENDAR", ConfirmationEmailTests.Ics(confirmation), StringComparison.Ordinal);
        Assert.All(site.Rows(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
        Assert.Contains("files in", site.Factory.Services.GetRequiredService<IMailSender>().Describe(), StringComparison.Ordinal);
    }
}
