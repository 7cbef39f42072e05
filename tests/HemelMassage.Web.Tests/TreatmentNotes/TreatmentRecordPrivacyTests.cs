using System.Net;
using System.Text;
using HemelMassage.Web.Email;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Intake;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>Pain scores at booking and at the visit, notes and amendments: encrypted, and in no log, email or plain database page.</summary>
public sealed class TreatmentRecordPrivacyTests
{
    [Fact]
    public async Task A_marker_typed_into_a_note_an_amendment_and_a_score_context_is_in_no_email_no_log_and_not_plain_text_in_the_database()
    {
        var marker = "Zqrecord" + Guid.NewGuid().ToString("n")[..10];
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var logs = CapturedLogs.On(site);
        var fields = IntakeSteps.Details("lower-back").With("HealthConsent", "true").With("AreaScores[lower-back]", "7").With("PainSince", marker + "-since");

        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z", fields);
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";
        await sarah.PostFormAsync($"/admin/bookings/{id}/scores", $"/admin/bookings/{id}/scores", new Dictionary<string, string> { ["Before[lower-back]"] = "7", ["After[lower-back]"] = "2" });
        await sarah.PostFormAsync(page, page, RecordSteps.Note(marker + "-s", marker + "-o", marker + "-a", marker + "-p", sign: true));
        await sarah.PostFormAsync(page, page + "/amend", new Dictionary<string, string>
        {
            ["Amendment.Reason"] = marker + "-why", ["Amendment.Subjective"] = marker + "-s2", ["Amendment.Version"] = "1",
        });
        await sarah.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/worked", new Dictionary<string, string> { ["worked"] = "hamstrings-left" });
        Assert.Contains(marker + "-s2", WebUtility.HtmlDecode(await sarah.GetStringAsync(page)));
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await site.Services.GetRequiredService<FollowUpScheduler>().QueueDueFollowUpsAsync());
        var dispatcher = site.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }

        var answers = site.Decrypt(await site.IntakeAsync(id))!;
        Assert.Equal(7, answers.AreaScores!["lower-back"]);
        var mail = Directory.GetFiles(Path.Combine(site.DataDirectory, "mail"), "*.eml");
        Assert.Contains(mail, f => f.Contains("FollowUp", StringComparison.OrdinalIgnoreCase));
        foreach (var file in mail)
        {
            var text = await File.ReadAllTextAsync(file);
            Assert.DoesNotContain(marker, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("7/10", text, StringComparison.Ordinal);
        }
        var leak = logs.Lines.FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
        Assert.True(leak is null, "Marker in the log: " + leak);
        Assert.DoesNotContain(await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.OutboxMessages)),
            m => (m.TextBody + m.HtmlBody + m.Subject).Contains(marker, StringComparison.OrdinalIgnoreCase));
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { site.DatabaseFile, site.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.False(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(marker)) >= 0, $"{Path.GetFileName(file)} holds the marker as plain text");
            Assert.False(bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(marker)) >= 0, $"{Path.GetFileName(file)} holds the marker as UTF-16");
        }
    }
}
