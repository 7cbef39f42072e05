using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Email;

public sealed class ConcurrentDispatchTests
{
    [Fact]
    public async Task Two_dispatchers_over_one_hundred_due_rows_send_exactly_one_hundred_messages()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        site.Notify((n, db) =>
        {
            for (var id = 1; id <= 50; id++)
            {
                n.Booked(db, Notices.Booking(id: id, email: $"client{id}@example.com"));
            }
        });
        var dispatcher = site.Dispatcher;

        // Two loops, each pass on its own scope, DbContext and connection: two app instances on one database.
        var claims = await Task.WhenAll(Loop(), Loop());

        Assert.Equal(100, claims.Sum());
        Assert.Equal(100, smtp.Messages.Count);
        Assert.Equal(100, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.All(site.Rows(), r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));

        async Task<int> Loop()
        {
            await Task.Yield();
            var total = 0;
            for (var claimed = await dispatcher.DispatchOnceAsync(); claimed > 0; claimed = await dispatcher.DispatchOnceAsync())
            {
                total += claimed;
            }
            return total;
        }
    }
}
