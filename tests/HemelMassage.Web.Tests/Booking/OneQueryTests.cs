using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Booking;

[Trait("Database", "Both")]
public sealed class OneQueryTests
{
    [Fact]
    public async Task An_availability_request_runs_one_sql_command_once_the_schedule_is_cached()
    {
        var counter = new CommandCounter();
        using var site = new BookingSite();
        site.WithServices(services => services
            .ConfigureDbContext<HemelMassage.Web.Data.ClinicDbContext>(db => db.AddInterceptors(counter))
            .ConfigureDbContext<HemelMassage.Web.Data.PostgresClinicDbContext>(db => db.AddInterceptors(counter)));
        var client = site.CreatePageClient();
        await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any");

        counter.Count = 0;
        await client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=any&date=2026-12-09");

        Assert.Equal(1, counter.Count);
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count;

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
