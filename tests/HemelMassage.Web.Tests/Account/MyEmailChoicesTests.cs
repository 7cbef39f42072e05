using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Tests.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Account;

/// <summary>The emails a client turns off on "My details" are the ones the reminder and follow-up jobs skip. A site of its own: the test moves the clock a day on.</summary>
[Trait("Database", "Both")]
public sealed class MyEmailChoicesTests
{
    [Fact]
    public async Task A_client_who_turned_off_reminders_and_follow_ups_gets_neither_and_one_who_kept_them_gets_both()
    {
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var off = await site.VisitAsync("2026-12-08T10:00Z", "olga.off@example.com", regions: "neck");
        var kept = await site.VisitAsync("2026-12-08T12:00Z", "kim.kept@example.com", regions: "neck");
        await site.WithDbAsync(db => db.Intakes.Where(i => i.BookingId == off || i.BookingId == kept)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.WorkedRegions, "neck upper-back")));
        var browser = site.CreatePageClient();
        await AccountSteps.SignInAsync(site, browser, "olga.off@example.com");

        var saved = await browser.PostFormAsync("/account/details", "/account/details/emails",
            new Dictionary<string, string> { ["NoReminders"] = "true", ["NoFollowUp"] = "true" });
        Assert.Equal("/account/details", BookingSite.Location(saved));
        var page = await AccountSteps.PageAsync(browser, "/account/details");
        Assert.Contains("name=\"NoReminders\" value=\"true\" checked=\"checked\"", page);

        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 18, 30, 0, TimeSpan.Zero));
        await site.Services.GetRequiredService<ReminderScheduler>().QueueDueRemindersAsync();
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 30, 0, TimeSpan.Zero));
        await site.Services.GetRequiredService<FollowUpScheduler>().QueueDueFollowUpsAsync();

        var queued = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == EmailKind.Reminder || m.Kind == EmailKind.FollowUp).Select(m => new { m.ToAddress, m.Kind }).ToListAsync());
        Assert.DoesNotContain(queued, m => m.ToAddress == "olga.off@example.com");
        Assert.Single(queued, m => m.ToAddress == "kim.kept@example.com" && m.Kind == EmailKind.Reminder);
        Assert.Single(queued, m => m.ToAddress == "kim.kept@example.com" && m.Kind == EmailKind.FollowUp);
    }
}
