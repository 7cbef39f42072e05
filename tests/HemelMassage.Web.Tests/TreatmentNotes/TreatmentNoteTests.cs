using System.Net;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.TreatmentNotes;

/// <summary>The SOAP note of a visit: drafted, signed and locked, amended with a reason, read only by those who may.</summary>
[Trait("Database", "Both")]
public sealed class TreatmentNoteTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_treating_therapist_drafts_a_note_prefilled_from_the_map_and_scores_and_signing_locks_it()
    {
        var id = await site.VisitAsync("2026-12-08T10:00Z", "draft@example.com", bookingScores: new() { ["lower-back"] = 7 }, painSince: "Since the move");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";

        var fresh = WebUtility.HtmlDecode(await sarah.GetStringAsync(page));
        var draft = await sarah.PostFormAsync(page, page, RecordSteps.Note("First draft"));
        var signed = await sarah.PostFormAsync(page, page, RecordSteps.Note("Signed text", version: 1, sign: true));
        var edited = await sarah.PostFormAsync(page, page, RecordSteps.Note("Edited after signing", version: 2));

        Assert.Contains("Feels it in: Lower back (7/10 at booking); Left glute (buttock).", fresh);
        Assert.Contains("Since: Since the move", fresh);
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);
        Assert.Contains(VisitNotes.SignedMessage, WebUtility.HtmlDecode(await edited.Content.ReadAsStringAsync()));
        var note = await site.NoteAsync(id);
        Assert.NotNull(note!.SignedAtUtc);
        Assert.Equal("Signed text", site.Text(note)!.Subjective);
        Assert.DoesNotContain("Signed text", note.ProtectedText);
        var html = WebUtility.HtmlDecode(await sarah.GetStringAsync(page));
        Assert.Contains("Signed by Therapist Tester", html);
        Assert.DoesNotContain("Save draft", html);
    }

    [Fact]
    public async Task An_amendment_without_a_reason_changes_nothing_and_one_with_a_reason_is_listed_with_who_and_why()
    {
        var id = await site.VisitAsync("2026-12-08T11:00Z", "amend@example.com");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";
        await sarah.PostFormAsync(page, page, RecordSteps.Note("Left side", sign: true));
        Dictionary<string, string> Amendment(string reason) => new()
        {
            ["Amendment.Reason"] = reason, ["Amendment.Subjective"] = "Right side", ["Amendment.Objective"] = "Tight hamstrings",
            ["Amendment.Assessment"] = "Posterior chain", ["Amendment.Plan"] = "Two more visits", ["Amendment.Version"] = "1",
        };

        var noReason = await sarah.PostFormAsync(page, page + "/amend", Amendment("   "));
        var withReason = await sarah.PostFormAsync(page, page + "/amend", Amendment("Wrong side written down"));

        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("an amendment needs a reason", await noReason.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Amendment_Reason-error\"", await noReason.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        Assert.Equal(1, await site.WithDbAsync(db => db.TreatmentNoteAmendments.CountAsync(a => a.BookingId == id)));
        Assert.Equal("Left side", site.Text(await site.NoteAsync(id))!.Subjective);
        var html = WebUtility.HtmlDecode(await sarah.GetStringAsync(page));
        Assert.Contains("Therapist Tester</span><br>Why: Wrong side written down", html);
        Assert.Contains("<dt>Subjective</dt><dd class=\"pre\">Right side</dd>", html);
        Assert.Contains("The note as signed", html);
        Assert.Contains("<dt>Subjective</dt><dd class=\"pre\">Left side</dd>", html);
    }

    [Fact]
    public async Task The_owner_and_therapists_who_treated_the_client_read_the_note_reception_sees_only_that_it_exists_another_therapist_nothing()
    {
        const string Marker = "Zqnote4417";
        var id = await site.VisitAsync("2026-12-08T12:00Z", "who@example.com");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";
        await sarah.PostFormAsync(page, page, RecordSteps.Note(Marker, sign: true));
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        var desk = (await site.SignedInAsAsync("Reception")).Client;
        var priya = await site.SignedInTherapistAsync(3);
        var reads = await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "booking.treatment-note-read"));

        var ownerHtml = await owner.GetStringAsync(page);
        var deskHtml = await desk.GetStringAsync(page);
        var deskPost = await desk.PostFormAsync($"/admin/bookings/{id}", page, RecordSteps.Note("Reception text", version: 1));
        var stranger = await priya.GetAsync(page);
        var strangerPost = await priya.PostFormAsync("/admin/diary", page, RecordSteps.Note("Priya text", version: 1));
        // Priya treats the same client at a later visit: she may now read the note, but not write it.
        await site.AddBookingAsync("2026-12-15T10:00Z", 3, "who@example.com", note: null);
        var treatedHtml = await priya.GetStringAsync(page);

        Assert.Contains(Marker, ownerHtml);
        Assert.Contains("A signed treatment note exists for this visit.", deskHtml);
        Assert.DoesNotContain(Marker, deskHtml);
        Assert.Equal(HttpStatusCode.Forbidden, deskPost.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, stranger.StatusCode);
        Assert.DoesNotContain(Marker, await stranger.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, strangerPost.StatusCode);
        Assert.Contains(Marker, treatedHtml);
        Assert.DoesNotContain("Amend the signed note", treatedHtml);
        Assert.Equal(Marker, site.Text(await site.NoteAsync(id))!.Subjective);
        Assert.Equal(reads + 2, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "booking.treatment-note-read")));
    }

    [Fact]
    public async Task A_draft_saved_from_a_stale_form_changes_nothing_and_keeps_what_was_typed()
    {
        var id = await site.VisitAsync("2026-12-08T13:00Z", "stale@example.com");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/note";
        await sarah.PostFormAsync(page, page, RecordSteps.Note("From the first tab"));

        var stale = await sarah.PostFormAsync(page, page, RecordSteps.Note("From the second tab"));

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains(VisitNotes.StaleMessage, html);
        Assert.Contains(">From the second tab</textarea>", html);
        Assert.Equal("From the first tab", site.Text(await site.NoteAsync(id))!.Subjective);
    }

    [Fact]
    public async Task Visit_scores_outside_0_to_10_get_a_message_beside_the_field_and_good_ones_are_kept_encrypted()
    {
        var id = await site.VisitAsync("2026-12-08T14:00Z", "scores@example.com", regions: "lower-back");
        var sarah = await site.SignedInTherapistAsync(1);
        var page = $"/admin/bookings/{id}/scores";

        var bad = await sarah.PostFormAsync(page, page, new Dictionary<string, string> { ["Before[lower-back]"] = "11", ["After[lower-back]"] = "3" });
        var noRow = await site.WithDbAsync(db => db.VisitScores.AnyAsync(s => s.BookingId == id));
        var good = await sarah.PostFormAsync(page, page, new Dictionary<string, string> { ["Before[lower-back]"] = "6", ["After[lower-back]"] = "3" });
        var james = await site.SignedInTherapistAsync(2);
        var notHis = await james.PostFormAsync("/admin/diary", page, new Dictionary<string, string> { ["Before[lower-back]"] = "1" });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = await bad.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Before-lower-back-error\"", badHtml);
        Assert.Contains(VisitScoring.OutOfRange, WebUtility.HtmlDecode(badHtml));
        Assert.False(noRow);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, notHis.StatusCode);
        var sheet = await site.WithDbAsync(db => db.VisitScores.AsNoTracking().SingleAsync(s => s.BookingId == id));
        var scores = site.Services.GetRequiredService<ClinicalRecordProtector>().UnprotectScores(sheet.ProtectedScores)!;
        Assert.Equal(6, scores.Before["lower-back"]);
        Assert.Equal(3, scores.After["lower-back"]);
        // Beside the sealed sheet, which areas it scores (for the review prompt), never a score.
        Assert.Equal("lower-back", sheet.ScoredRegions);
        Assert.Contains("<td>6 / 10</td>", await sarah.GetStringAsync($"/admin/bookings/{id}/note"));
    }
}
