using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// The site with its email feature pointed at a loopback SMTP port (or at .eml files), a fake clock
/// and the background loops off, so a test decides when the dispatcher runs.
/// </summary>
public sealed class EmailSite : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 30, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Every stage of an SMTP exchange, for tests that shorten RFC 5321's minutes to seconds.</summary>
    public static readonly string[] TimeoutStages = ["Connect", "Greeting", "Mail", "Rcpt", "DataInit", "DataBlock", "DataTermination"];

    public EmailSite(int? smtpPort, Action<SiteFactory>? configure = null)
    {
        Factory = new SiteFactory()
            .With("Email:DispatcherEnabled", "false")
            .With("Email:TlsMode", "None")
            .With("Email:ClinicNotificationAddress", "diary@hemelmassage.example")
            .WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        // A loopback server answers at once; a test that goes wrong should not wait out the RFC's minutes.
        foreach (var stage in TimeoutStages)
        {
            Factory.With($"Email:Timeouts:{stage}", "00:00:05");
        }
        if (smtpPort is { } port)
        {
            Factory.With("Email:Host", "127.0.0.1").With("Email:Port", port.ToString(CultureInfo.InvariantCulture));
        }
        configure?.Invoke(Factory);
    }

    public SiteFactory Factory { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public OutboxDispatcher Dispatcher => Factory.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>What the booking feature will do: notify inside its unit of work, then save.</summary>
    public void Notify(Action<IBookingNotifications, ClinicDbContext> change)
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        change(scope.ServiceProvider.GetRequiredService<IBookingNotifications>(), db);
        db.SaveChanges();
    }

    public async Task<int> DispatchUntilIdleAsync()
    {
        var total = 0;
        for (var claimed = await Dispatcher.DispatchOnceAsync(); claimed > 0; claimed = await Dispatcher.DispatchOnceAsync())
        {
            total += claimed;
        }
        return total;
    }

    public List<OutboxMessage> Rows()
    {
        using var scope = Factory.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ClinicDbContext>().OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToList();
    }

    public void Dispose() => Factory.Dispose();
}

/// <summary>Made-up booking notices, as the booking feature would send them.</summary>
public static class Notices
{
    public static BookingNotice Booking(int id = 7, string name = "Ann Client", string email = "ann@example.com", DateTime? startUtc = null, int sequence = 0, Guid? uid = null)
    {
        var start = startUtc ?? EmailSite.Start.UtcDateTime.AddDays(2);
        return new BookingNotice(id, "HM-" + id.ToString("D5", CultureInfo.InvariantCulture), name, email,
            "Sports and remedial massage", "Sam Therapist", start, TreatmentLength.EndOf(start),
            $"http://localhost:5065/booking/tok{id}secret", uid ?? Guid.Parse("5b9a8f6e-0c1d-4e2f-9a3b-7c6d5e4f3a21"), sequence);
    }
}
