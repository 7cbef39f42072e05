using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>The one read the progress page starts from: a client's visits with every score, decrypted in that call.</summary>
[Trait("Database", "Both")]
public sealed class ClinicalRecordsTests
{
    [Fact]
    public async Task A_clients_visits_come_in_order_with_their_therapist_areas_and_scores_leaving_out_cancelled_and_restricted_ones_for_all_but_the_owner()
    {
        using var site = new BookingSite();
        var first = await site.VisitAsync("2026-12-08T10:00Z", "progress@example.com", bookingScores: new() { ["lower-back"] = 7 });
        var second = await site.VisitAsync("2026-12-15T10:00Z", "progress@example.com", therapistId: 2, bookingScores: new() { ["lower-back"] = 5 });
        var cancelled = await site.VisitAsync("2026-12-22T10:00Z", "progress@example.com");
        var protector = site.Services.GetRequiredService<ClinicalRecordProtector>();
        await site.WithDbAsync(async db =>
        {
            (await db.Intakes.SingleAsync(i => i.BookingId == first)).WorkedRegions = "hamstrings-left glutes-left";
            db.VisitScores.Add(new VisitScores
            {
                BookingId = first, RecordedBy = "Sarah",
                ProtectedScores = protector.ProtectScores(new ScoreSheet(new Dictionary<string, int> { ["lower-back"] = 6 }, new Dictionary<string, int> { ["lower-back"] = 4 })),
            });
            db.VisitScores.Add(new VisitScores { BookingId = second, RecordedBy = "James", RestrictedAtUtc = BookingSite.Monday.UtcDateTime, ProtectedScores = protector.ProtectScores(ScoreSheet.Empty) });
            (await db.Bookings.SingleAsync(a => a.Id == cancelled)).Status = BookingStatus.Cancelled;
            return await db.SaveChangesAsync();
        });
        var clientId = (await site.BookingAsync(first)).ClientId;

        using var scope = site.Services.CreateScope();
        var records = scope.ServiceProvider.GetRequiredService<ClinicalRecords>();
        var forTherapist = await records.ReadAsync(clientId, includeRestricted: false, CancellationToken.None);
        var forOwner = await records.ReadAsync(clientId, includeRestricted: true, CancellationToken.None);

        var visit = Assert.Single(forTherapist);
        Assert.Equal((first, "Sarah"), (visit.BookingId, visit.TherapistName));
        Assert.Equal(["lower-back", "glutes-left"], visit.Felt);
        Assert.Equal(["glutes-left", "hamstrings-left"], visit.Worked);
        Assert.Equal((7, 6, 4), (visit.BookingScores["lower-back"], visit.Before["lower-back"], visit.After["lower-back"]));
        Assert.Equal([first, second], forOwner.Select(v => v.BookingId));
        Assert.True(forOwner[1].Restricted);
        Assert.Equal(5, forOwner[1].BookingScores["lower-back"]);
        Assert.Equal(2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "client.record-read")));
    }
}
