using System.Text;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HemelMassage.Web.Tests.Intake;

public sealed class HealthDataPrivacyTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_marker_typed_into_health_answers_is_in_no_email_no_log_and_not_plain_text_in_the_database_file()
    {
        var marker = "Zqhealth" + Guid.NewGuid().ToString("n")[..10];
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var logs = CapturedLogs.On(site);
        var fields = IntakeSteps.Details("lower-back").WithHealth("clots", "pregnant")
            .With("HealthDetails", marker + "-details").With("AreasToAvoid", marker + "-avoid")
            .With("PainSince", marker + "-since").With("PainWorse", marker + "-worse");

        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z", fields);
        // Staff read it (a logged, audited request), record the areas worked, the follow-up and reminders go out.
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        Assert.Contains(marker + "-details", await owner.GetStringAsync($"/admin/bookings/{id}"));
        await owner.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/worked", new() { ["worked"] = "hamstrings-left" });
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await site.Services.GetRequiredService<FollowUpScheduler>().QueueDueFollowUpsAsync());
        var dispatcher = site.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }

        var mail = Directory.GetFiles(Path.Combine(site.DataDirectory, "mail"), "*.eml");
        Assert.Contains(mail, f => f.Contains("FollowUp", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(mail, f => f.Contains("ClinicNeedsConversation", StringComparison.OrdinalIgnoreCase));
        foreach (var file in mail)
        {
            Assert.DoesNotContain(marker, await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Blood clots", await File.ReadAllTextAsync(file), StringComparison.OrdinalIgnoreCase);
        }
        var leak = logs.Lines.FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.True(leak is null, "Marker in the log: " + leak);
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { site.DatabaseFile, site.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(Contains(bytes, Encoding.UTF8.GetBytes(marker)), $"{Path.GetFileName(file)} holds the marker as plain text");
            Assert.False(Contains(bytes, Encoding.Unicode.GetBytes(marker)), $"{Path.GetFileName(file)} holds the marker as UTF-16");
        }
        output.WriteLine($"{mail.Length} emails, {logs.Lines.Count} log lines, database and WAL checked: no marker");
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
