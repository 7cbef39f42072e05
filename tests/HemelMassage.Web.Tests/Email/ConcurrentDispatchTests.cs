using HemelMassage.Web.Email;
using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Email;

[Trait("Database", "Both")]
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

    [Fact]
    public async Task A_row_held_by_a_dispatcher_that_died_is_sent_once_its_lease_runs_out()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        site.Notify((n, db) => n.Cancelled(db, Notices.Booking(), message: null, byClinic: false));
        using (var scope = site.Factory.Services.CreateScope())
        {
            var until = site.Clock.GetUtcNow().UtcDateTime.AddMinutes(10);
            await scope.ServiceProvider.GetRequiredService<ClinicDbContext>().OutboxMessages.ExecuteUpdateAsync(set => set
                .SetProperty(m => m.Status, OutboxStatus.Sending)
                .SetProperty(m => m.LeaseOwner, "crashed-instance")
                .SetProperty(m => m.LeaseUntil, until));
        }

        Assert.Equal(0, await site.Dispatcher.DispatchOnceAsync());
        site.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await site.Dispatcher.DispatchOnceAsync());

        Assert.Single(smtp.Messages);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(site.Rows()).Status);
    }
}
