using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

[Trait("Database", "Both")]
public sealed class FollowUpTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static async Task<int> VisitAsync(BookingSite site, string start, string email, string[] felt, string[] worked, bool optOut = false)
    {
        var fields = IntakeSteps.Details(felt).With("Email", email).With("HealthConsent", "true");
        if (optOut)
        {
            fields.With("NoFollowUp", "true");
        }
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), start, fields);
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        var form = worked.Select(w => KeyValuePair.Create("worked", w)).ToList();
        await owner.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/worked", form);
        return id;
    }

    private static async Task<List<OutboxMessage>> FollowUpsAsync(BookingSite site) =>
        await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.FollowUp).ToListAsync());

    [Fact]
    public async Task The_follow_up_email_links_the_articles_for_the_worked_regions_and_says_why()
    {
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var id = await VisitAsync(site, "2026-12-08T10:00Z", "ann@example.com", ["lower-back"], ["lower-back", "hamstrings-left", "hamstrings-right", "hip-flexors-right"]);
        var scheduler = site.Services.GetRequiredService<FollowUpScheduler>();

        var early = await scheduler.QueueDueFollowUpsAsync();
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 10, 0, 0, TimeSpan.Zero));
        var queued = await scheduler.QueueDueFollowUpsAsync();
        var again = await scheduler.QueueDueFollowUpsAsync();

        Assert.Equal((0, 1, 0), (early, queued, again));
        var email = Assert.Single(await FollowUpsAsync(site));
        Assert.Equal(id, email.BookingId);
        Assert.Equal("ann@example.com", email.ToAddress);
        Assert.Contains("You came to us for your lower back.", email.TextBody);
        Assert.Contains("We also worked your right hip flexor (front of hip), left back of thigh (hamstrings) and right back of thigh (hamstrings)", email.TextBody);
        output.WriteLine(email.TextBody);
        Assert.Contains("Tight hamstrings tilt the pelvis back", email.TextBody);
        Assert.Contains("Tight hip flexors tilt the pelvis forward", email.TextBody);
        Assert.Contains("/articles/tight-hamstrings-and-lower-back-pain", email.TextBody);
        Assert.Contains("/articles/hip-flexors-weak-abdominals-and-your-back", email.TextBody);
        Assert.Contains("href=\"http", email.HtmlBody);
        Assert.Contains("/articles/tight-hamstrings-and-lower-back-pain\"", email.HtmlBody);
        Assert.DoesNotContain("/articles/your-first-one-hour-treatment", email.TextBody);
    }

    [Fact]
    public async Task No_follow_up_for_a_cancelled_visit_an_opted_out_client_or_a_visit_with_no_areas_recorded()
    {
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var cancelled = await VisitAsync(site, "2026-12-08T10:00Z", "cat@example.com", ["neck"], ["neck", "upper-back"]);
        await VisitAsync(site, "2026-12-08T12:00Z", "olly@example.com", ["neck"], ["neck", "upper-back"], optOut: true);
        await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T14:00Z", IntakeSteps.Details("neck").With("Email", "nora@example.com").With("HealthConsent", "true"));
        await site.WithDbAsync(async db =>
        {
            var a = await db.Bookings.SingleAsync(x => x.Id == cancelled);
            a.Status = BookingStatus.Cancelled;
            return await db.SaveChangesAsync();
        });
        site.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 9, 11, 0, 0, TimeSpan.Zero));

        var queued = await site.Services.GetRequiredService<FollowUpScheduler>().QueueDueFollowUpsAsync();

        Assert.Equal(0, queued);
        Assert.Empty(await FollowUpsAsync(site));
    }

    [Fact]
    public async Task A_client_can_opt_out_of_the_follow_up_of_one_visit_from_its_booking_link()
    {
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false");
        var client = site.CreatePageClient();
        var manage = await Security.SecuritySteps.BookAsync(client, "2026-12-10T10:00Z");

        var response = await client.PostFormAsync(manage, manage + "/no-follow-up", new Dictionary<string, string>());

        Assert.Contains("We won&#x27;t send you a follow-up email after this visit", await client.GetStringAsync(BookingSite.Location(response)));
        Assert.True(await site.WithDbAsync(db => db.Bookings.Select(a => a.NoFollowUp).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "ann@example.com").Select(c => c.NoFollowUp).SingleAsync()));
    }
}
