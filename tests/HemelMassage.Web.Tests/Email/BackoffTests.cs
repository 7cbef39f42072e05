using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Email;

public sealed class BackoffTests
{
    [Fact]
    public async Task While_the_server_answers_try_again_later_each_retry_waits_twice_as_long_up_to_the_cap_and_the_row_then_fails()
    {
        await using var smtp = new TestSmtpServer();
        smtp.ReplyWith(451, 451, 451, 451, 451, 451);
        using var site = new EmailSite(smtp.Port, f => f
            .With("Email:BackoffBase", "00:01:00")
            .With("Email:BackoffCap", "00:10:00")
            .With("Email:MaxAttempts", "6"));
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));
        // Ceilings for attempts 1..5: 1, 2, 4, 8, then the 10-minute cap; the wait lies in [ceiling/2, ceiling].
        double[] ceilings = [1, 2, 4, 8, 10];

        foreach (var (ceiling, attempt) in ceilings.Select((c, i) => (c, i + 1)))
        {
            var before = site.Clock.GetUtcNow().UtcDateTime;
            Assert.Equal(1, await site.Dispatcher.DispatchOnceAsync());

            var row = Assert.Single(site.Rows());
            Assert.Equal((OutboxStatus.Pending, attempt), (row.Status, row.Attempts));
            var wait = row.NextAttemptAt - before;
            Assert.InRange(wait.TotalMinutes, ceiling / 2, ceiling);

            site.Clock.Advance(wait - TimeSpan.FromSeconds(1));
            Assert.Equal(0, await site.Dispatcher.DispatchOnceAsync());
            site.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(1, await site.Dispatcher.DispatchOnceAsync());
        var failed = Assert.Single(site.Rows());
        Assert.Equal((OutboxStatus.Failed, 6), (failed.Status, failed.Attempts));
        site.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, await site.Dispatcher.DispatchOnceAsync());
    }

    [Theory]
    [InlineData(1, 0.0, 15)]
    [InlineData(1, 1.0, 30)]
    [InlineData(3, 0.0, 60)]
    [InlineData(3, 1.0, 120)]
    [InlineData(20, 0.5, 2700)]
    public void Backoff_is_between_half_and_all_of_the_capped_exponential_step(int attempts, double random, double expectedSeconds)
    {
        var options = new EmailOptions { BackoffBase = TimeSpan.FromSeconds(30), BackoffCap = TimeSpan.FromHours(1) };

        Assert.Equal(expectedSeconds, SendFailures.Backoff(attempts, options, random).TotalSeconds, precision: 3);
    }
}
