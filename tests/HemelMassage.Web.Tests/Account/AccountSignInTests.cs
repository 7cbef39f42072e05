using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Account;

/// <summary>
/// Signing in to <c>/account</c> by an emailed link. One site: each test has addresses of its own. The expiry test
/// moves the site's clock on; the others do not depend on the hour.
/// </summary>
public sealed class AccountSignInTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task A_client_signs_in_by_the_emailed_link_with_a_button_and_the_link_works_once()
    {
        await AccountSteps.AddClientAsync(site, "Ann Returning", "ann.returning@example.com");
        var browser = site.CreatePageClient();
        await AccountSteps.AskForLinkAsync(browser, "Ann.Returning@Example.com");
        Assert.Contains("If that address is one you have booked with", await AccountSteps.PageAsync(browser, "/account/sent"));
        Assert.Equal(1, await AccountSteps.SendLinksAsync(site));
        var link = await AccountSteps.LinkAsync(site, "ann.returning@example.com");
        Assert.NotNull(link);

        // Opening the link (as a mail scanner does) signs nobody in and uses nothing.
        Assert.Contains("<button type=\"submit\">Sign in</button>", await AccountSteps.PageAsync(browser, link));
        Assert.Contains("Email me a sign-in link", await AccountSteps.PageAsync(browser, "/account"));
        Assert.Equal("/account", BookingSite.Location(await AccountSteps.PressAsync(browser, link)));
        var home = await AccountSteps.PageAsync(browser, "/account");
        Assert.Contains("Hello, Ann Returning", home);
        Assert.Contains("href=\"/account/bookings\"", home);

        // Used: a second press, from another browser, signs nobody in.
        var other = site.CreatePageClient();
        var again = await AccountSteps.PageAsync(other, link);
        Assert.Contains("already been used", again);
        Assert.DoesNotContain("<button type=\"submit\">Sign in</button>", again);
        Assert.Contains("Email me a sign-in link", await AccountSteps.PageAsync(other, "/account"));
    }

    [Fact]
    public async Task An_address_nobody_books_with_gets_the_same_page_and_writes_the_same_row_and_is_sent_nothing()
    {
        await AccountSteps.AddClientAsync(site, "Bea Known", "bea.known@example.com");
        var browser = site.CreatePageClient();

        await AccountSteps.AskForLinkAsync(browser, "bea.known@example.com");
        await AccountSteps.AskForLinkAsync(browser, "nobody.here@example.com");

        var rows = await site.WithDbAsync(db => db.MailboxLinks.AsNoTracking()
            .Where(l => l.Email == "bea.known@example.com" || l.Email == "nobody.here@example.com").ToListAsync());
        Assert.Equal(2, rows.Count);
        // Before the email side looks, the two rows say nothing about which address is a client's.
        Assert.All(rows, r => Assert.True(r.Purpose == MailboxLinkPurpose.SignIn && r.ClientId is null && r.DecidedAtUtc is null));
        await AccountSteps.SendLinksAsync(site);
        Assert.NotNull(await AccountSteps.LinkAsync(site, "bea.known@example.com"));
        Assert.Equal(0, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.ToAddress == "nobody.here@example.com")));
    }

    [Fact]
    public async Task A_bad_address_is_named_next_to_its_field_and_nothing_is_recorded()
    {
        var browser = site.CreatePageClient();
        var response = await browser.PostFormAsync("/account", "/account", new Dictionary<string, string> { ["Email"] = "not an address" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Email-error\">Please enter an email address like name@example.com.", page);
        Assert.Equal(0, await site.WithDbAsync(db => db.MailboxLinks.CountAsync(l => l.Email == "not an address")));
    }

    [Fact]
    public async Task A_link_older_than_15_minutes_on_the_sites_clock_signs_nobody_in_and_a_forged_one_is_not_found()
    {
        await AccountSteps.AddClientAsync(site, "Cal Late", "cal.late@example.com");
        var browser = site.CreatePageClient();
        await AccountSteps.AskForLinkAsync(browser, "cal.late@example.com");
        await AccountSteps.SendLinksAsync(site);
        var link = (await AccountSteps.LinkAsync(site, "cal.late@example.com"))!;
        var page = await browser.GetStringAsync(link);

        site.Clock.Advance(TimeSpan.FromMinutes(15));
        var pressed = await browser.PostWithTokenAsync(link, Forms.Token(page));

        Assert.Equal(HttpStatusCode.OK, pressed.StatusCode);
        Assert.Contains("This link has expired", await pressed.Content.ReadAsStringAsync());
        Assert.Contains("Email me a sign-in link", await AccountSteps.PageAsync(browser, "/account"));
        var forged = await browser.GetAsync("/account/sign-in/" + new string('A', 43));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/sign-in/short")).StatusCode);
    }
}
