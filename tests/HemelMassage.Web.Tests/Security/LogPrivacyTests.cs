using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Security;

public sealed class LogPrivacyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_name_email_phone_or_note_reaches_the_logs_through_booking_managing_failures_and_email()
    {
        var marker = Guid.NewGuid().ToString("n")[..10];
        var markers = new[] { "Zqname" + marker, "zqmail" + marker, "07700" + marker[..6].Select(c => (char)('0' + c % 10)).Aggregate("", (s, c) => s + c), "Zqnote" + marker };
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false").With("Email:Host", "127.0.0.1").With("Email:Port", "1")
            .With("Email:TlsMode", "None").With("Email:Timeouts:Connect", "00:00:02").With("Email:MaxAttempts", "1");
        var logs = CapturedLogs.On(site);
        var client = site.CreatePageClient();
        var details = new Dictionary<string, string>
        {
            ["Name"] = markers[0] + " Client", ["Email"] = markers[1] + "@example.com", ["Phone"] = markers[2],
            ["Visit"] = "first", ["Note"] = markers[3] + " sciatica, pregnant", ["AcceptPolicy"] = "true",
        };

        var manage = await SecuritySteps.BookAsync(client, "2026-12-10T10:00Z", details);
        // Failures: the same hour again (taken), invalid details, a wrong reschedule, then cancel.
        var journey = new BookingJourney(client);
        var again = BookingSite.Location(await journey.ChooseAsync("2026-12-11T10:00Z"));
        var bad = new Dictionary<string, string>(details) { ["Email"] = markers[1] + "-not-an-email", ["Phone"] = markers[2] + "x" };
        await client.PostFormAsync(again, again, bad);
        await client.PostFormAsync(manage + "/reschedule", manage + "/reschedule", new Dictionary<string, string> { ["Start"] = markers[3] });
        await client.PostFormAsync(manage, manage + "/cancel", new Dictionary<string, string>());
        await client.GetAsync(manage);
        await site.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();

        var lines = logs.Lines.ToList();
        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("Email", StringComparison.Ordinal) && l.Contains("failed", StringComparison.Ordinal));
        foreach (var m in markers)
        {
            var leak = lines.FirstOrDefault(l => l.Contains(m, StringComparison.OrdinalIgnoreCase));
            Assert.True(leak is null, $"Marker {m} leaked into the log: {leak}");
        }
        output.WriteLine($"{lines.Count} log lines captured at Trace level, none with a marker");
    }

    [Fact]
    public void An_smtp_refusal_that_quotes_the_address_is_logged_with_the_address_masked()
    {
        var masked = LogMask.Emails("550 5.1.1 <ann.client@example.com>: Recipient address rejected");

        Assert.Equal("550 5.1.1 <a***@example.com>: Recipient address rejected", masked);
    }

    [Fact]
    public async Task Staff_sign_in_success_failure_and_slowing_down_are_logged_as_security_events()
    {
        using var site = new SiteFactory();
        var logs = CapturedLogs.On(site);
        var user = await site.CreateStaffAsync("Owner");
        var client = site.CreatePageClient();

        await client.SignInAsync(user.Email!, StaffHelpers.GoodPassword);
        var other = await site.CreateStaffAsync("Therapist");
        for (var i = 0; i < 5; i++)
        {
            await site.CreatePageClient().SignInAsync(other.Email!, "not the password " + i);
        }
        await site.CreatePageClient().SignInAsync(other.Email!, StaffHelpers.GoodPassword);

        var lines = logs.Lines.ToList();
        Assert.Contains(lines, l => l.Contains("Staff sign-in succeeded for " + user.Email, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("Staff sign-in failed for " + other.Email, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains($"Staff sign-in refused for {other.Email} from", StringComparison.Ordinal)
            && l.Contains("too many failed attempts", StringComparison.Ordinal));
    }
}
