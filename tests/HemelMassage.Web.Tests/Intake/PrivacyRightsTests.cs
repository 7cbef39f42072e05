using System.Net;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Intake;

[Trait("Database", "Both")]
public sealed class PrivacyRightsTests
{
    [Fact]
    public async Task The_owners_export_of_a_client_holds_their_map_and_their_health_answers()
    {
        using var site = new BookingSite();
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z",
            IntakeSteps.Details("neck").WithHealth("allergy").With("AreasToAvoid", "Zqavoid feet"));
        var clientId = (await site.BookingAsync(id)).ClientId;
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        var json = await owner.GetStringAsync($"/admin/clients/{clientId}/export");

        Assert.Contains("\"Neck\"", json);
        Assert.Contains("Zqavoid feet", json);
        Assert.Contains(HealthConsent.Version, json);
    }

    [Fact]
    public async Task The_owners_export_of_a_client_holds_their_treatment_plans_and_summary_consents_and_no_one_elses()
    {
        using var site = new BookingSite();
        var visit = await site.AddBookingAsync("2026-12-08T10:00Z", email: "plan@example.com", name: "Pat Plan", note: null);
        var other = await site.AddBookingAsync("2026-12-08T11:00Z", email: "other@example.com", name: "Oli Other", note: null);
        var clientId = (await site.BookingAsync(visit)).ClientId;
        var otherId = (await site.BookingAsync(other)).ClientId;
        await site.WithDbAsync(db =>
        {
            db.Plans.Add(new Plans.TreatmentPlan { BookingId = visit, Visits = 3, EveryWeeks = 2, SetAtUtc = BookingSite.Monday.UtcDateTime, SetBy = "Sarah" });
            db.Plans.Add(new Plans.TreatmentPlan { BookingId = other, Visits = 5, EveryWeeks = 4, SetAtUtc = BookingSite.Monday.UtcDateTime, SetBy = "James" });
            db.SummaryConsents.Add(new Progress.SummaryConsent
            {
                ClientId = clientId, GivenBy = "Pat Plan", SharedWith = "Dr Patel, Parkwood Surgery", GivenAtUtc = BookingSite.Monday.UtcDateTime, RecordedBy = "Sarah", RecordedByUserId = "sarah",
            });
            db.SummaryConsents.Add(new Progress.SummaryConsent
            {
                ClientId = otherId, GivenBy = "Oli Other", SharedWith = "Zqother physio", GivenAtUtc = BookingSite.Monday.UtcDateTime, RecordedBy = "James", RecordedByUserId = "james",
            });
            return db.SaveChangesAsync();
        });
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        var json = await owner.GetStringAsync($"/admin/clients/{clientId}/export");

        Assert.Contains("\"Plan\": \"3 more visits, every 2 weeks\"", json);
        Assert.Contains("\"SharedWith\": \"Dr Patel, Parkwood Surgery\"", json);
        Assert.DoesNotContain("every 4 weeks", json);
        Assert.DoesNotContain("Zqother physio", json);
    }

    [Fact]
    public async Task The_owner_can_withdraw_a_clients_health_consent_for_them()
    {
        using var site = new BookingSite();
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z", IntakeSteps.Details("neck").WithHealth("heart"));
        var clientId = (await site.BookingAsync(id)).ClientId;
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        var response = await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/withdraw-health-consent", new());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var intake = await site.IntakeAsync(id);
        Assert.Null(intake.ProtectedAnswers);
        Assert.Equal("", intake.Regions);
        var (desk, _) = await site.SignedInAsAsync("Reception");
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/withdraw-health-consent", new())).StatusCode);
    }

    [Fact]
    public async Task Erasing_a_client_deletes_their_intakes()
    {
        using var site = new BookingSite();
        var id = await IntakeSteps.BookAsync(site, site.CreatePageClient(), "2026-12-08T10:00Z", IntakeSteps.Details("neck").WithHealth("heart"));
        var clientId = (await site.BookingAsync(id)).ClientId;
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/erase", new() { ["confirm"] = "true" });

        Assert.False(await site.WithDbAsync(db => db.Intakes.AnyAsync(i => i.BookingId == id)));
    }

    [Fact]
    public async Task Intakes_of_clients_not_seen_for_longer_than_the_retention_period_are_deleted()
    {
        using var site = new BookingSite();
        var old = await site.AddBookingAsync("2017-06-05T10:00Z", email: "old@example.com");
        var recent = await site.AddBookingAsync("2026-12-08T10:00Z", email: "new@example.com");
        var sealedAnswers = site.Services.GetRequiredService<HealthAnswerProtector>()
            .Protect(new HealthAnswers(new Dictionary<string, bool> { ["clots"] = true }, null, null, null, 5, null, null));
        await site.WithDbAsync(db =>
        {
            db.Intakes.AddRange(
                new BookingIntake { BookingId = old, Regions = "neck", WorkedRegions = "neck", ProtectedAnswers = sealedAnswers, NeedsConversation = true },
                new BookingIntake { BookingId = recent, Regions = "neck", ProtectedAnswers = sealedAnswers, NeedsConversation = true });
            return db.SaveChangesAsync();
        });

        await site.Services.GetRequiredService<NoteRetention>().PurgeAsync(CancellationToken.None);

        var purged = await site.IntakeAsync(old);
        Assert.Equal((null, "", "", false), (purged.ProtectedAnswers, purged.Regions, purged.WorkedRegions, purged.NeedsConversation));
        Assert.NotNull((await site.IntakeAsync(recent)).ProtectedAnswers);
    }
}
