using System.Net;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>The treatment record outlives an erasure request, restricted to the Owner, and is deleted when its retention period ends.</summary>
[Trait("Database", "Both")]
public sealed class ClinicalRecordRetentionTests
{
    private static async Task<int> SignedVisitAsync(BookingSite site, string start, string email, string text)
    {
        var id = await site.VisitAsync(start, email, regions: "lower-back");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";
        Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync(page, page, RecordSteps.Note(text, sign: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync($"/admin/bookings/{id}/scores", $"/admin/bookings/{id}/scores",
            new Dictionary<string, string> { ["Before[lower-back]"] = "8", ["After[lower-back]"] = "4" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync(page, page + "/amend", new Dictionary<string, string>
        {
            ["Amendment.Reason"] = "Added the plan", ["Amendment.Subjective"] = text, ["Amendment.Plan"] = "Three visits", ["Amendment.Version"] = "1",
        })).StatusCode);
        return id;
    }

    [Fact]
    public async Task Erasure_within_the_retention_period_restricts_the_record_to_the_owner_and_the_retention_job_deletes_it_after()
    {
        using var site = new BookingSite();
        var id = await SignedVisitAsync(site, "2026-12-08T10:00Z", "erase@example.com", "Zqrestricted55");
        var clientId = (await site.BookingAsync(id)).ClientId;
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        var export = await owner.GetStringAsync($"/admin/clients/{clientId}/export");

        var erased = await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/erase",
            new Dictionary<string, string> { ["confirm"] = "true", ["reason"] = "Moving abroad, asked by phone" });
        var sarah = await site.SignedInTherapistAsync(1);
        var therapistSees = await sarah.GetAsync($"/admin/bookings/{id}/note");
        var ownerSees = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/bookings/{id}/note"));

        Assert.Contains("Zqrestricted55", export);
        Assert.Contains("Added the plan", export);
        Assert.Contains("\"lower-back\": 8", export);
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var note = await site.NoteAsync(id);
        Assert.NotNull(note!.RestrictedAtUtc);
        Assert.Equal("Moving abroad, asked by phone", note.RestrictedReason);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "client.record-restricted" && a.Detail.Contains("Moving abroad, asked by phone"))));
        Assert.Equal(HttpStatusCode.Forbidden, therapistSees.StatusCode);
        Assert.Contains("Restricted after an erasure request", ownerSees);
        Assert.Contains("Zqrestricted55", ownerSees);

        // Eight years and a month after the last visit, the restricted record goes too.
        site.Clock.SetUtcNow(new DateTimeOffset(2035, 1, 15, 9, 0, 0, TimeSpan.Zero));
        await site.Services.GetRequiredService<NoteRetention>().PurgeAsync(CancellationToken.None);
        Assert.False(await site.WithDbAsync(db => db.TreatmentNotes.AnyAsync(n => n.BookingId == id)));
        Assert.False(await site.WithDbAsync(db => db.TreatmentNoteAmendments.AnyAsync(n => n.BookingId == id)));
        Assert.False(await site.WithDbAsync(db => db.VisitScores.AnyAsync(n => n.BookingId == id)));
    }

    [Fact]
    public async Task The_retention_job_keeps_the_record_of_a_client_seen_within_the_period()
    {
        using var site = new BookingSite();
        var older = await SignedVisitAsync(site, "2026-12-08T10:00Z", "kept@example.com", "Older visit");
        var gone = await SignedVisitAsync(site, "2026-12-08T11:00Z", "gone@example.com", "Not seen since");
        // Kept's client comes back in 2030; Gone's does not.
        await site.AddBookingAsync("2030-06-03T10:00Z", email: "kept@example.com", note: null);
        site.Clock.SetUtcNow(new DateTimeOffset(2035, 1, 15, 9, 0, 0, TimeSpan.Zero));

        await site.Services.GetRequiredService<NoteRetention>().PurgeAsync(CancellationToken.None);

        Assert.NotNull(await site.NoteAsync(older));
        Assert.True(await site.WithDbAsync(db => db.VisitScores.AnyAsync(n => n.BookingId == older)));
        Assert.Null(await site.NoteAsync(gone));
        Assert.False(await site.WithDbAsync(db => db.VisitScores.AnyAsync(n => n.BookingId == gone)));
    }
}
