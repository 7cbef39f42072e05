using System.Net;
using HemelMassage.Web.Account;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Tests.TreatmentNotes;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Account;

/// <summary>
/// A signed-in client's "My details", "My progress" and "My data". One site: each test has a client and address of its
/// own, and none moves the clock.
/// </summary>
public sealed class MyDetailsTests(BookingSite site) : IClassFixture<BookingSite>
{
    private async Task<(HttpClient Browser, int ClientId)> SignedInAsync(string email, int visitId)
    {
        var clientId = (await site.BookingAsync(visitId)).ClientId;
        var browser = site.CreatePageClient();
        await AccountSteps.SignInAsync(site, browser, email);
        return (browser, clientId);
    }

    private async Task<int> TreatedVisitAsync(string start, string email, string noteText)
    {
        var id = await site.VisitAsync(start, email, regions: "lower-back");
        var sarah = await site.SignedInTherapistAsync(1);
        var note = $"/admin/bookings/{id}/note";
        Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync(note, note, RecordSteps.Note(noteText, sign: true))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync($"/admin/bookings/{id}/scores", $"/admin/bookings/{id}/scores",
            new Dictionary<string, string> { ["Before[lower-back]"] = "7", ["After[lower-back]"] = "3" })).StatusCode);
        return id;
    }

    private Task<List<Web.Staff.AuditEntry>> AuditAsync(int clientId) =>
        site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == $"client {clientId}").ToListAsync());

    [Fact]
    public async Task Name_and_phone_are_changed_by_the_client_audited_as_theirs_and_a_bad_phone_is_named_next_to_its_field()
    {
        var id = await site.AddBookingAsync("2026-12-10T10:00Z", email: "dan.details@example.com", name: "Dan Details");
        var (browser, clientId) = await SignedInAsync("dan.details@example.com", id);

        var bad = await browser.PostFormAsync("/account/details", "/account/details", new Dictionary<string, string> { ["Name"] = "Daniel Details", ["Phone"] = "call me <maybe>" });
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("id=\"Phone-error\">Use only digits, spaces, + and brackets in the phone number.", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal("Dan Details", (await site.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == clientId))).Name);

        var saved = await browser.PostFormAsync("/account/details", "/account/details", new Dictionary<string, string> { ["Name"] = "Daniel Details", ["Phone"] = "07700 900999" });
        Assert.Equal("/account/details", BookingSite.Location(saved));
        Assert.Contains("Saved: your name, phone.", await AccountSteps.PageAsync(browser, "/account/details"));
        var client = await site.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId));
        Assert.Equal(("Daniel Details", "07700 900999", "dan.details@example.com"), (client.Name, client.Phone, client.Email));
        var entry = Assert.Single(await AuditAsync(clientId), a => a.Action == "client.contact");
        Assert.Equal(MyDetails.Actor(clientId), entry.Actor);
        Assert.Equal("name, phone changed (by the client on their own page)", entry.Detail);

        // A form left open after signing out changes nothing: the post goes to the sign-in page.
        var page = await browser.GetStringAsync("/account/details");
        await browser.PostWithTokenAsync("/account/sign-out", Forms.Token(page));
        var stale = await browser.PostWithTokenAsync("/account/details", Forms.Token(page), new Dictionary<string, string> { ["Name"] = "Someone Else", ["Phone"] = "" });
        Assert.Equal("/account", BookingSite.Location(stale));
        Assert.Equal("Daniel Details", (await site.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId))).Name);
    }

    [Fact]
    public async Task The_health_consent_is_shown_and_withdrawn_by_the_same_code_as_the_owners_button()
    {
        var id = await site.VisitAsync("2026-12-10T12:00Z", "wes.withdraw@example.com", regions: "neck");
        var (browser, clientId) = await SignedInAsync("wes.withdraw@example.com", id);
        var page = await AccountSteps.PageAsync(browser, "/account/details");
        Assert.Contains("You agreed on 7 Dec 2026", page);

        var withdrawn = await browser.PostWithTokenAsync("/account/details/withdraw-health-consent", Forms.Token(page));

        Assert.Equal("/account/details", BookingSite.Location(withdrawn));
        var intake = await site.WithDbAsync(db => db.Intakes.AsNoTracking().SingleAsync(i => i.BookingId == id));
        Assert.Equal((null, null, ""), (intake.ProtectedAnswers, intake.HealthConsentAtUtc, intake.Regions));
        Assert.Contains(await AuditAsync(clientId), a => a.Action == "client.health-consent-withdrawn" && a.Actor == MyDetails.Actor(clientId));
        Assert.Contains("We hold no health answers with your consent.", await AccountSteps.PageAsync(browser, "/account/details"));
    }

    [Fact]
    public async Task My_progress_says_each_area_in_plain_words_shows_no_therapist_notes_and_the_read_is_audited_as_the_clients()
    {
        var id = await TreatedVisitAsync("2026-12-07T09:00Z", "pip.progress@example.com", "Zqnote4417");
        var (browser, clientId) = await SignedInAsync("pip.progress@example.com", id);

        var page = await AccountSteps.PageAsync(browser, "/account/progress");

        Assert.Contains("Lower back 7 to 3 over 1 visit", page);
        Assert.DoesNotContain("Zqnote4417", page);
        Assert.DoesNotContain("Tight hamstrings", page);
        Assert.Contains(await AuditAsync(clientId), a => a.Action == "client.record-read" && a.Actor == MyDetails.Actor(clientId));
    }

    [Fact]
    public async Task The_download_on_my_data_is_the_owners_export_of_that_client_exactly()
    {
        var id = await TreatedVisitAsync("2026-12-07T11:00Z", "eve.export@example.com", "Zqexport9921");
        await site.AddBookingAsync("2026-12-14T10:00Z", email: "eve.export@example.com");
        var (browser, clientId) = await SignedInAsync("eve.export@example.com", id);
        var owner = (await site.SignedInAsAsync("Owner")).Client;

        var ownerExport = await owner.GetStringAsync($"/admin/clients/{clientId}/export");
        var download = await browser.GetAsync("/account/data/download");
        var mine = await download.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/json", download.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Zqexport9921", mine);
        Assert.Contains("\"lower-back\": 7", mine);
        Assert.Equal(ownerExport, mine);
        Assert.Contains(await AuditAsync(clientId), a => a.Action == "client.export" && a.Actor == MyDetails.Actor(clientId));
        // Signed out, there is nothing to download.
        Assert.Equal("/account", BookingSite.Location(await site.CreatePageClient().GetAsync("/account/data/download")));
    }

    [Fact]
    public async Task Asking_for_erasure_is_recorded_once_shown_as_waiting_and_listed_for_the_owner_until_the_owner_erases()
    {
        var id = await site.AddBookingAsync("2026-12-11T10:00Z", email: "ezra.erase@example.com", name: "Ezra Erase");
        var (browser, clientId) = await SignedInAsync("ezra.erase@example.com", id);
        var page = await AccountSteps.PageAsync(browser, "/account/data");

        Assert.Equal("/account/data", BookingSite.Location(await browser.PostWithTokenAsync("/account/data/erasure", Forms.Token(page))));
        await browser.PostWithTokenAsync("/account/data/erasure", Forms.Token(page));

        Assert.Contains("Your request is waiting for the clinic", await AccountSteps.PageAsync(browser, "/account/data"));
        Assert.Single(await AuditAsync(clientId), a => a.Action == "client.erasure-requested" && a.Actor == MyDetails.Actor(clientId));
        var owner = (await site.SignedInAsAsync("Owner")).Client;
        var list = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/clients"));
        Assert.Contains($"<a href=\"/admin/clients/{clientId}\">Ezra Erase</a>", list);
        Assert.Contains("asked to be erased", list);
        Assert.Contains("asked on their own page to be erased", WebUtility.HtmlDecode(await owner.GetStringAsync($"/admin/clients/{clientId}")));
        var reception = (await site.SignedInAsAsync("Reception")).Client;
        Assert.DoesNotContain("asked to be erased", await reception.GetStringAsync("/admin/clients"));

        await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/erase", new Dictionary<string, string> { ["confirm"] = "true" });

        Assert.Null((await site.WithDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == clientId))).ErasureRequestedAtUtc);
        Assert.DoesNotContain($"/admin/clients/{clientId}\">", WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/clients")).Split("<table")[0]);
    }
}
