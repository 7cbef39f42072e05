using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Email;

/// <summary>
/// RFC 5321 4.5.3.2's minutes, shortened to seconds: every stage may take 1 s except the final ".", which may
/// take a minute, as the RFC's 10 minutes dwarf its other stages. The server really waits, briefly.
/// </summary>
public sealed class SlowServerTests
{
    private static EmailSite Site(TestSmtpServer smtp, Action<SiteFactory>? configure = null) => new(smtp.Port, f =>
    {
        foreach (var stage in EmailSite.TimeoutStages)
        {
            f.With($"Email:Timeouts:{stage}", "00:00:01");
        }
        f.With("Email:Timeouts:DataTermination", "00:01:00");
        configure?.Invoke(f);
    });

    [Fact]
    public async Task A_server_slower_to_accept_the_final_dot_than_any_other_stage_may_take_gets_the_email_once()
    {
        await using var smtp = new TestSmtpServer();
        smtp.BeforeReply = _ => Task.Delay(TimeSpan.FromSeconds(3));
        using var site = Site(smtp);
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));

        await site.DispatchUntilIdleAsync();
        site.Clock.Advance(TimeSpan.FromDays(1));  // any retry would be due by now
        await site.DispatchUntilIdleAsync();

        var row = Assert.Single(site.Rows());
        Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts));
        Assert.Equal(1, smtp.Deliveries);
        Assert.Equal(row.MessageId, Assert.Single(smtp.Messages).MessageId);
    }

    [Fact]
    public async Task A_batch_that_takes_longer_than_one_lease_is_never_claimed_by_a_second_dispatcher()
    {
        await using var smtp = new TestSmtpServer();
        using var site = Site(smtp, f => f.With("Email:LeaseDuration", "00:02:00"));
        site.Notify((n, db) =>
        {
            n.Booked(db, Notices.Booking(id: 1, email: "one@example.com"));
            n.Booked(db, Notices.Booking(id: 2, email: "two@example.com"));
        });
        var claimedMeanwhile = -1;
        // 100 s pass during each of the first two emails: by the second, the batch is older than its first lease.
        smtp.BeforeReply = async delivery =>
        {
            if (delivery <= 2)
            {
                site.Clock.Advance(TimeSpan.FromSeconds(100));
            }
            if (delivery == 2)
            {
                claimedMeanwhile = await site.Dispatcher.DispatchOnceAsync();  // a second instance polling now
            }
        };

        Assert.Equal(4, await site.Dispatcher.DispatchOnceAsync());

        Assert.Equal(0, claimedMeanwhile);
        Assert.Equal(4, smtp.Deliveries);
        Assert.Equal(4, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(site.Rows(), r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }
}
