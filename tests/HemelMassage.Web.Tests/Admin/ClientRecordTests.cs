using System.Globalization;
using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

public sealed class ClientRecordTests(BookingSite site) : IClassFixture<BookingSite>
{
    private Task<int> ClientIdAsync(string email) =>
        site.WithDbAsync(db => db.Clients.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    [Trait("Database", "Both")]
    public async Task Reception_corrects_a_clients_contact_details_the_change_is_audited_and_the_return_link_is_followed()
    {
        await site.AddBookingAsync("2026-12-16T10:00Z", email: "typo@exmaple.com", name: "Tess Typo");
        var id = await ClientIdAsync("typo@exmaple.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var fromEmails = await reception.GetAsync("/admin/clients/edit?email=TYPO@exmaple.com&return=%2Fadmin%2Femails%3Fq%3Dtypo");
        var saved = await reception.PostFormAsync($"/admin/clients/{id}/edit", $"/admin/clients/{id}/edit", new()
        {
            ["Name"] = "Tess Typo", ["Email"] = "Tess@Example.com", ["Phone"] = "+44 7700 900321", ["Return"] = "/admin/emails?q=typo",
        });

        Assert.Equal($"/admin/clients/{id}/edit?return=%2Fadmin%2Femails%3Fq%3Dtypo", BookingSite.Location(fromEmails));
        Assert.Equal("/admin/emails?q=typo", BookingSite.Location(saved));
        var client = await site.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == id));
        Assert.Equal(("tess@example.com", "+44 7700 900321", "07700900321"), (client.Email, client.Phone, client.PhoneKey));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "client.contact" && e.Subject == $"client {id}"));
        Assert.Equal("email, phone changed (edited on the client record)", audit.Detail);
    }

    [Fact]
    public async Task An_edit_that_would_take_another_clients_email_is_refused_beside_the_field_and_keeps_what_was_typed()
    {
        await site.AddBookingAsync("2026-12-16T11:00Z", email: "one@example.com", name: "Olive One");
        await site.AddBookingAsync("2026-12-16T13:00Z", email: "two@example.com", name: "Tom Two");
        var id = await ClientIdAsync("one@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await reception.PostFormAsync($"/admin/clients/{id}/edit", $"/admin/clients/{id}/edit", new()
        {
            ["Name"] = "Olive Changed", ["Email"] = "two@example.com", ["Phone"] = "", ["Return"] = "https://evil.example/",
        });
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Another client record, Tom Two, has that email address.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Olive Changed\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
        Assert.Equal("Olive One", await site.WithDbAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task Staff_notes_are_kept_on_the_record_and_audited()
    {
        await site.AddBookingAsync("2026-12-17T10:00Z", email: "notes@example.com", name: "Nina Notes");
        var id = await ClientIdAsync("notes@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        await reception.PostFormAsync($"/admin/clients/{id}", $"/admin/clients/{id}/notes", new() { ["StaffNotes"] = "Prefers a call after 5pm." });
        var page = WebUtility.HtmlDecode(await reception.GetStringAsync($"/admin/clients/{id}"));

        Assert.Contains("Prefers a call after 5pm.", page, StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "client.notes" && e.Subject == $"client {id}")));
    }

    [Fact]
    [Trait("Database", "Both")]
    public async Task A_clients_visits_are_paged_newest_first_and_book_again_opens_the_form_with_their_treatment_and_therapist()
    {
        for (var week = 0; week < 23; week++)
        {
            await site.AddBookingAsync(BookingSite.Monday.AddDays(-7 * week).AddHours(6).ToString("yyyy-MM-ddTHH:mmZ", CultureInfo.InvariantCulture),
                therapistId: 2, email: "often@example.com", name: "Freya Frequent");
        }
        var id = await ClientIdAsync("often@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var first = await reception.GetStringAsync($"/admin/clients/{id}");
        var second = await reception.GetStringAsync($"/admin/clients/{id}?page=2");
        var beyond = await reception.GetStringAsync($"/admin/clients/{id}?page=99");

        Assert.Equal(20, BookingLinks(first));
        Assert.Equal(3, BookingLinks(second));
        Assert.Contains("Page 1 of 2", first, StringComparison.Ordinal);
        Assert.Contains("Mon 7 Dec", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Mon 7 Dec", second, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", beyond, StringComparison.Ordinal);
        Assert.Contains($"/admin/bookings/new?client={id}&amp;treatment=1&amp;therapist=2", first, StringComparison.Ordinal);
        var form = await reception.GetStringAsync($"/admin/bookings/new?client={id}&treatment=1&therapist=2");
        Assert.Contains("value=\"often@example.com\"", form, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_reviews_a_likely_duplicate_side_by_side_chooses_what_wins_and_a_second_merge_changes_nothing()
    {
        await site.AddBookingAsync("2026-12-18T10:00Z", email: "dee@example.com", name: "Dee Double");
        var moved = await site.AddBookingAsync("2026-12-18T14:00Z", email: "dee.double@example.com", name: "Dee Double");
        await site.AddBookingAsync("2026-12-18T15:00Z", email: "sharer@example.com", name: "Sam Sharesaphone");
        var (keep, other, sharer) = (await ClientIdAsync("dee@example.com"), await ClientIdAsync("dee.double@example.com"), await ClientIdAsync("sharer@example.com"));
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var record = await owner.GetStringAsync($"/admin/clients/{keep}");
        var review = WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{keep}/merge/{other}"));
        var notDuplicates = await owner.GetAsync($"/admin/clients/{keep}/merge/{sharer}");
        var unconfirmed = await owner.PostFormAsync($"/admin/clients/{keep}/merge/{other}", $"/admin/clients/{keep}/merge/{other}", new() { ["EmailFromOther"] = "true" });
        var byReception = await reception.PostFormAsync($"/admin/clients/{keep}", $"/admin/clients/{keep}/merge/{other}", new() { ["Confirm"] = "true" });

        Assert.Contains($"/admin/clients/{keep}/merge/{other}", record, StringComparison.Ordinal);
        Assert.DoesNotContain($"/merge/{sharer}", record, StringComparison.Ordinal);
        Assert.Contains("dee@example.com", review, StringComparison.Ordinal);
        Assert.Contains("dee.double@example.com", review, StringComparison.Ordinal);
        Assert.Equal($"/admin/clients/{keep}", BookingSite.Location(notDuplicates));
        Assert.Contains("Tick the box to confirm", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, byReception.StatusCode);
        Assert.True(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Id == other)));

        var merged = await owner.PostFormAsync($"/admin/clients/{keep}/merge/{other}", $"/admin/clients/{keep}/merge/{other}",
            new() { ["EmailFromOther"] = "true", ["Confirm"] = "true" });
        var mergedPage = await owner.FollowAsync(merged);
        var again = await owner.PostFormAsync($"/admin/clients/{keep}", $"/admin/clients/{keep}/merge/{other}", new() { ["Confirm"] = "true" });
        var againPage = await owner.FollowAsync(again);

        Assert.Contains("Merged", mergedPage, StringComparison.Ordinal);
        Assert.Equal(keep, (await site.BookingAsync(moved)).ClientId);
        Assert.Equal("dee.double@example.com", await site.WithDbAsync(db => db.Clients.Where(c => c.Id == keep).Select(c => c.Email).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Id == other)));
        Assert.Contains("already been merged", againPage, StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "client.merge" && e.Subject == $"client {keep}")));
    }

    private static int BookingLinks(string html) => System.Text.RegularExpressions.Regex.Count(html, "<li><a href=\"/admin/bookings/[0-9]+\">");
}
