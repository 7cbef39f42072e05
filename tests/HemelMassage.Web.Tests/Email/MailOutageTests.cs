using System.Net;
using System.Net.Sockets;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Email;

[Trait("Database", "Both")]
public sealed class MailOutageTests
{
    [Fact]
    public async Task An_smtp_outage_longer_than_max_attempts_back_offs_loses_no_email_and_each_arrives_once_when_the_server_returns()
    {
        await using var smtp = new TestSmtpServer(start: false);
        using var site = new EmailSite(smtp.Port, f => f
            .With("Email:MaxAttempts", "3").With("Email:BatchSize", "4")
            .With("Email:BackoffBase", "00:01:00").With("Email:BackoffCap", "00:10:00"));
        site.Notify((n, db) =>
        {
            for (var id = 1; id <= 5; id++)
            {
                n.Booked(db, Notices.Booking(id: id, email: $"client{id}@example.com"));
            }
        });

        // Ten waits at the cap: far more than MaxAttempts back-offs, two hours with the server refusing connections.
        for (var round = 0; round < 10; round++)
        {
            await site.DispatchUntilIdleAsync();
            Assert.Equal(0, await site.Dispatcher.DispatchOnceAsync());  // the whole queue waits, no second try at once
            site.Clock.Advance(TimeSpan.FromMinutes(10));
        }

        var waiting = site.Rows();
        Assert.Equal(10, waiting.Count);
        Assert.All(waiting, r => Assert.Equal((OutboxStatus.Pending, 0), (r.Status, r.Attempts)));
        Assert.Contains("Mail server unreachable", waiting[0].LastError, StringComparison.Ordinal);

        await smtp.StartAsync();
        await site.DispatchUntilIdleAsync();

        Assert.All(site.Rows(), r => Assert.Equal((OutboxStatus.Sent, 1, (string?)null), (r.Status, r.Attempts, r.LastError)));
        Assert.Equal(10, smtp.Deliveries);
        Assert.Equal(waiting.Select(r => r.MessageId).Order(), smtp.Messages.Select(m => m.MessageId).Order());
    }

    [Theory]
    [InlineData("refused")]
    [InlineData("unknown host")]
    [InlineData("silent")]
    public async Task A_server_that_cannot_be_reached_pauses_the_queue_with_growing_waits_and_spends_no_attempt(string how)
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();  // accepts connections (the kernel does) and never says a word
        var port = how == "silent" ? ((IPEndPoint)silent.LocalEndpoint).Port : TestSmtpServer.FreePort();
        using var site = new EmailSite(port, f =>
        {
            f.With("Email:MaxAttempts", "1").With("Email:BackoffBase", "00:01:00").With("Email:BackoffCap", "00:30:00")
                .With("Email:Timeouts:Greeting", "00:00:00.500");
            if (how == "unknown host")
            {
                f.With("Email:Host", "mail.hemelmassage.invalid");
            }
        });
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));

        // Waits after each failed try lie in [ceiling/2, ceiling] for ceilings of 1, 2, 4 minutes.
        foreach (var ceiling in new[] { 1, 2, 4 })
        {
            Assert.Equal(1, await site.Dispatcher.DispatchOnceAsync());
            site.Clock.Advance(TimeSpan.FromMinutes(ceiling / 2.0) - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await site.Dispatcher.DispatchOnceAsync());
            site.Clock.Advance(TimeSpan.FromMinutes(ceiling / 2.0) + TimeSpan.FromSeconds(1));
        }

        var row = Assert.Single(site.Rows());
        Assert.Equal((OutboxStatus.Pending, 0), (row.Status, row.Attempts));
        Assert.StartsWith("Mail server unreachable", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_answers_421_closing_is_waited_for_like_an_unreachable_one()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port, f => f.With("Email:MaxAttempts", "1"));
        smtp.ReplyWith(421);
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));

        await site.DispatchUntilIdleAsync();
        Assert.Equal((OutboxStatus.Pending, 0), (Assert.Single(site.Rows()).Status, Assert.Single(site.Rows()).Attempts));
        site.Clock.Advance(TimeSpan.FromHours(1));
        await site.DispatchUntilIdleAsync();

        Assert.Equal((OutboxStatus.Sent, 1), (Assert.Single(site.Rows()).Status, Assert.Single(site.Rows()).Attempts));
        Assert.Single(smtp.Messages);
    }
}
