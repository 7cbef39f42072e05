using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Account;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Admin;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using HemelMassage.Web.Tests.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Account;

/// <summary>
/// "My details": a new email address changes only through the link sent to it. One site: each test has its own
/// addresses; one moves the clock a day on, which the others do not mind (their links are made after).
/// </summary>
public sealed partial class MyEmailChangeTests(BookingSite site) : IClassFixture<BookingSite>
{
    private async Task<(HttpClient Browser, int ClientId)> SignedInAsync(string start, string email, string name)
    {
        var id = await site.AddBookingAsync(start, email: email, name: name);
        var clientId = await site.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.ClientId).SingleAsync());
        var browser = site.CreatePageClient();
        await AccountSteps.SignInAsync(site, browser, email);
        return (browser, clientId);
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient browser, string newEmail) =>
        browser.PostFormAsync("/account/details", "/account/details/email", new Dictionary<string, string> { ["NewEmail"] = newEmail });

    private Task<string> EmailOfAsync(int clientId) =>
        site.WithDbAsync(db => db.Clients.AsNoTracking().Where(c => c.Id == clientId).Select(c => c.Email).SingleAsync());

    /// <summary>The new-address link in the newest email to <paramref name="email"/>, its token put back as the dispatcher does.</summary>
    private async Task<string?> LinkAsync(string email)
    {
        var secrets = site.Services.GetRequiredService<OutboxSecrets>();
        var row = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.Kind == EmailKind.MailboxLink && m.ToAddress == email).OrderByDescending(m => m.Id).FirstOrDefaultAsync());
        return row is null ? null : ChangeLink().Match(secrets.Open(row).TextBody) is { Success: true } m ? m.Value : null;
    }

    /// <summary>Posts the link's button with a form token of the browser (the link's own page has none once it is spent).</summary>
    private static async Task<string> PressAsync(HttpClient browser, string link)
    {
        var response = await browser.PostWithTokenAsync(link, Forms.Token(await browser.GetStringAsync("/account")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_address_changes_only_when_the_link_sent_to_the_new_one_is_pressed_and_the_old_one_is_told_without_a_link()
    {
        var (browser, clientId) = await SignedInAsync("2026-12-10T11:00Z", "eve.old@example.com", "Eve Email");

        Assert.Equal("/account/details", BookingSite.Location(await AskAsync(browser, " Eve.New@Example.com ")));
        Assert.Contains("We have emailed a link to Eve.New@Example.com", await AccountSteps.PageAsync(browser, "/account/details"));
        Assert.Equal("eve.old@example.com", await EmailOfAsync(clientId));

        var link = await LinkAsync("eve.new@example.com") ?? throw new InvalidOperationException("No link was sent to the new address");
        // Opening the link (as a mail scanner would) changes nothing; any browser holding it may press the button.
        var other = site.CreatePageClient();
        Assert.Contains("Use this address", await AccountSteps.PageAsync(other, link));
        Assert.Equal("eve.old@example.com", await EmailOfAsync(clientId));

        // As read: the address may wrap at its @ and dots, so the words are checked without the markup.
        Assert.Contains("Done: we now write to eve.new@example.com", Tags().Replace(await PressAsync(other, link), ""));
        Assert.Equal("eve.new@example.com", await EmailOfAsync(clientId));
        var entry = Assert.Single(await site.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == $"client {clientId}" && a.Action == "client.contact").ToListAsync()));
        Assert.Equal((MyDetails.Actor(clientId), "email changed (by the client on their own page, confirmed by a link to the new address)"), (entry.Actor, entry.Detail));
        var notice = Assert.Single(await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.EmailChanged).ToListAsync()),
            m => m.ToAddress == "eve.old@example.com");
        Assert.Contains("was changed", notice.TextBody);
        Assert.DoesNotContain("/account/", notice.TextBody);
        Assert.DoesNotContain("eve.new", notice.TextBody);

        // The same link again: a clear page, nothing changed.
        Assert.Contains("This link has already been used", await PressAsync(other, link));
        Assert.Single(await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.EmailChanged && m.ToAddress == "eve.old@example.com").ToListAsync()));
    }

    [Fact]
    public async Task A_new_address_signs_out_every_other_browser_of_the_client_and_keeps_the_one_that_pressed_the_button()
    {
        var (pressing, _) = await SignedInAsync("2026-12-10T15:00Z", "uma.old@example.com", "Uma Email");
        var elsewhere = site.CreatePageClient();
        await AccountSteps.SignInAsync(site, elsewhere, "uma.old@example.com");
        Assert.Contains("Hello, Uma Email", await AccountSteps.PageAsync(elsewhere, "/account"));
        Assert.Equal("/account/details", BookingSite.Location(await AskAsync(pressing, "uma.new@example.com")));

        var link = await LinkAsync("uma.new@example.com") ?? throw new InvalidOperationException("No link was sent to the new address");
        Assert.Contains("Done: we now write to uma.new@example.com", Tags().Replace(await PressAsync(pressing, link), ""));

        Assert.Contains("Hello, Uma Email", await AccountSteps.PageAsync(pressing, "/account"));
        Assert.DoesNotContain("Hello, Uma Email", await AccountSteps.PageAsync(elsewhere, "/account"));
    }

    [Fact]
    [Trait("Database", "Both")]
    public async Task An_address_another_client_holds_is_refused_when_typed_and_again_at_the_link_without_saying_whose_it_is()
    {
        var (browser, clientId) = await SignedInAsync("2026-12-10T13:00Z", "tia.taken@example.com", "Tia Taken");
        await AccountSteps.AddClientAsync(site, "Bob Holder", "bob.holder@example.com");

        var refused = await AskAsync(browser, "Bob.Holder@example.com");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("id=\"NewEmail-error\">" + MyDetails.TakenMessage, page);
        Assert.DoesNotContain("Bob Holder", page);
        Assert.Null(await LinkAsync("bob.holder@example.com"));

        // Free when typed, taken by another record before the link is pressed.
        Assert.Equal("/account/details", BookingSite.Location(await AskAsync(browser, "tia.later@example.com")));
        var link = await LinkAsync("tia.later@example.com") ?? throw new InvalidOperationException("No link was sent");
        await AccountSteps.AddClientAsync(site, "Cal Quicker", "tia.later@example.com");
        var answer = await PressAsync(browser, link);
        Assert.Contains(MyDetails.TakenMessage + " Nothing was changed.", answer);
        Assert.DoesNotContain("Cal Quicker", answer);
        Assert.Equal("tia.taken@example.com", await EmailOfAsync(clientId));
        Assert.DoesNotContain(await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Kind == EmailKind.EmailChanged).Select(m => m.ToAddress).ToListAsync()),
            a => a == "tia.taken@example.com");
    }

    [Fact]
    public async Task An_expired_or_forged_link_gives_a_clear_page_and_changes_nothing()
    {
        var (browser, clientId) = await SignedInAsync("2026-12-11T10:00Z", "xan.expiry@example.com", "Xan Expiry");
        Assert.Equal("/account/details", BookingSite.Location(await AskAsync(browser, "xan.new@example.com")));
        var link = await LinkAsync("xan.new@example.com") ?? throw new InvalidOperationException("No link was sent");

        site.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Contains("This link has expired", await AccountSteps.PageAsync(browser, link));
        Assert.DoesNotContain("Use this address", await browser.GetStringAsync(link));
        Assert.Contains("This link has expired", await PressAsync(browser, link));
        Assert.Equal("xan.expiry@example.com", await EmailOfAsync(clientId));

        var forged = await browser.PostWithTokenAsync("/account/email/" + new string('A', 43), Forms.Token(await browser.GetStringAsync("/account")));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/email/not-a-token")).StatusCode);
        Assert.Equal("xan.expiry@example.com", await EmailOfAsync(clientId));
    }

    [Fact]
    public async Task With_the_clinics_option_on_my_progress_shows_signed_note_text_only_and_audits_the_read_as_the_clients()
    {
        Assert.False(new AccountOptions().ShowTherapistNotes);
        using var shown = new BookingSite();
        shown.With("Account:ShowTherapistNotes", "true");
        var signed = await shown.VisitAsync("2026-12-07T09:00Z", "nia.notes@example.com", regions: "lower-back");
        var draft = await shown.VisitAsync("2026-12-07T11:00Z", "nia.notes@example.com", regions: "neck");
        var sarah = await shown.SignedInTherapistAsync(1);
        foreach (var (id, text, sign) in new[] { (signed, "Zqsigned5120", true), (draft, "Zqdraft5121", false) })
        {
            var note = $"/admin/bookings/{id}/note";
            Assert.Equal(HttpStatusCode.Redirect, (await sarah.PostFormAsync(note, note, RecordSteps.Note(text, o: sign ? "Signed finding" : "Draft finding", sign: sign))).StatusCode);
        }
        var clientId = await shown.WithDbAsync(db => db.Bookings.Where(b => b.Id == signed).Select(b => b.ClientId).SingleAsync());
        var browser = shown.CreatePageClient();
        await AccountSteps.SignInAsync(shown, browser, "nia.notes@example.com");

        var page = await AccountSteps.PageAsync(browser, "/account/progress");

        Assert.Contains("Zqsigned5120", page);
        Assert.Contains("Signed finding", page);
        Assert.DoesNotContain("Zqdraft5121", page);
        Assert.DoesNotContain("Draft finding", page);
        Assert.Contains(await shown.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Subject == $"client {clientId}").ToListAsync()),
            a => a.Action == "client.treatment-note-read" && a.Actor == MyDetails.Actor(clientId));
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"/account/email/[A-Za-z0-9_-]{43}")]
    private static partial Regex ChangeLink();
}
