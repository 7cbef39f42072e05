using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Email;

public sealed class SmtpFailureTests
{
    [Fact]
    public async Task With_the_mail_server_down_the_booking_stands_and_its_email_arrives_once_the_server_is_back()
    {
        await using var smtp = new TestSmtpServer(start: false);
        using var site = new EmailSite(smtp.Port);

        site.Notify((n, db) => n.Booked(db, Notices.Booking()));
        await site.DispatchUntilIdleAsync();

        Assert.Empty(smtp.Messages);
        Assert.All(site.Rows(), r => Assert.Equal(OutboxStatus.Pending, r.Status));
        // No server answered, so no attempt is spent (MailOutageTests has the long outage).
        Assert.Contains(site.Rows(), r => r.Attempts == 0 && r.LastError!.Contains("SocketException", StringComparison.Ordinal));

        await smtp.StartAsync();
        await site.DispatchUntilIdleAsync();
        Assert.Empty(smtp.Messages);  // not before its back-off has passed

        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.DispatchUntilIdleAsync();
        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.DispatchUntilIdleAsync();

        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Single().Address == "ann@example.com");
        Assert.All(site.Rows(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task Replies_451_451_then_250_deliver_one_message_after_three_attempts()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        smtp.ReplyWith(451, 451, 250);
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));

        for (var i = 0; i < 3; i++)
        {
            await site.DispatchUntilIdleAsync();
            site.Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = Assert.Single(site.Rows());
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(3, row.Attempts);
        Assert.Equal(3, smtp.Deliveries);
        var message = Assert.Single(smtp.Messages);
        Assert.Equal(row.MessageId, message.MessageId);
    }

    [Fact]
    public async Task A_550_reply_fails_the_row_after_one_attempt_keeps_the_reason_and_staff_can_send_it_again()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        smtp.ReplyWith(550);
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));

        await site.DispatchUntilIdleAsync();
        site.Clock.Advance(TimeSpan.FromDays(1));
        await site.DispatchUntilIdleAsync();

        var row = Assert.Single(site.Rows());
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.StartsWith("SMTP 550", row.LastError, StringComparison.Ordinal);
        Assert.Equal(1, smtp.Deliveries);
        Assert.Empty(smtp.Messages);

        using (var scope = site.Factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().RequeueFailedAsync(row.Id, site.Clock));
        }
        await site.DispatchUntilIdleAsync();
        Assert.Equal(row.MessageId, Assert.Single(smtp.Messages).MessageId);
    }
}
