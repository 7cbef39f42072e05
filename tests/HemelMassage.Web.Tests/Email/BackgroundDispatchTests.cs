using System.Diagnostics;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Email;

[Trait("Database", "Both")]
public sealed class BackgroundDispatchTests
{
    [Fact]
    public async Task The_running_site_sends_queued_emails_by_itself_outside_any_request()
    {
        using var site = new SiteFactory().With("Email:PollInterval", "00:00:00.100");
        var folder = Path.Combine(site.DataDirectory, "mail");

        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
            scope.ServiceProvider.GetRequiredService<IBookingNotifications>().Booked(db, Notices.Booking());
            await db.SaveChangesAsync();
        }

        var waited = Stopwatch.StartNew();
        // A generous limit for a loaded machine; the loop ends as soon as both files are there.
        while (waited.Elapsed < TimeSpan.FromSeconds(30) && (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.eml").Length < 2))
        {
            await Task.Delay(50);
        }

        Assert.Equal(2, Directory.GetFiles(folder, "*.eml").Length);
    }
}
