using HemelMassage.Web.Tests.Support;
using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Security;

/// <summary>
/// Anyone can type a client's address into the booking form. The booking so made has its own link, and that
/// link acts on that booking alone; what reaches the client's other bookings needs the link sent to the address.
/// The tests on <c>shared</c> each use a client address and hours of their own on one site (the only withdrawal
/// by the emailed link is the second test's).
/// </summary>
public sealed partial class OtherBookingsTests(BookingSite shared) : IClassFixture<BookingSite>
{
    /// <summary>Ann books with health answers from her own browser; returns her booking's id.</summary>
    private static async Task<int> AnnBooksWithHealthAnswersAsync(BookingSite site, string start = "2026-12-08T10:00Z", string email = "ann@example.com") =>
        await IntakeSteps.BookAsync(site, site.CreatePageClient(), start, IntakeSteps.Details("lower-back").WithHealth("skin").With("Email", email));

    /// <summary>Mallory, in another browser, books with Ann's address; returns Mallory's manage link.</summary>
    private static Task<string> MalloryBooksAsAnnAsync(HttpClient mallory, string start = "2026-12-09T10:00Z", string email = "Ann@Example.com") =>
        SecuritySteps.BookAsync(mallory, start, BookingJourney.Details(name: "Mallory", email: email));

    private static async Task<string> MailboxLinkAsync(BookingSite site, string to)
    {
        var sent = await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == EmailKind.MailboxLink).OrderByDescending(m => m.Id).ToListAsync());
        // The row keeps the link's token sealed until it is sent: open it as the dispatcher does.
        var body = site.Services.GetRequiredService<OutboxSecrets>().Open(sent.First(m => string.Equals(m.ToAddress, to, StringComparison.OrdinalIgnoreCase))).TextBody;
        return MailboxLinkPattern().Match(body).Groups[1].Value;
    }

    [Fact]
    public async Task Withdrawing_consent_through_another_bookings_link_does_not_delete_the_first_bookings_answers()
    {
        var site = shared;
        var ann = await AnnBooksWithHealthAnswersAsync(site);
        var mallory = site.CreatePageClient();
        var manage = await MalloryBooksAsAnnAsync(mallory);

        var withdrawn = await mallory.PostFormAsync(manage, manage + "/withdraw-health-consent", new Dictionary<string, string>());

        Assert.Equal(manage + "?message=withdrawn", BookingSite.Location(withdrawn));
        var intake = await site.IntakeAsync(ann);
        Assert.NotNull(intake.ProtectedAnswers);
        Assert.Equal("lower-back", intake.Regions);
        Assert.NotNull(intake.HealthConsentAtUtc);
    }

    [Fact]
    public async Task Withdrawing_consent_for_every_booking_goes_through_a_link_sent_to_the_address_and_a_button()
    {
        var site = shared;
        var ann = await AnnBooksWithHealthAnswersAsync(site, "2026-12-15T10:00Z", "amy@example.com");
        var mallory = site.CreatePageClient();
        var manage = await MalloryBooksAsAnnAsync(mallory, "2026-12-16T10:00Z", "Amy@Example.com");

        var asked = await mallory.PostFormAsync(manage, manage + "/withdraw-health-consent/everywhere", new Dictionary<string, string>());

        Assert.Contains("We have emailed a link to a***@example.com", WebUtility.HtmlDecode(await mallory.GetStringAsync(BookingSite.Location(asked))));
        Assert.NotNull((await site.IntakeAsync(ann)).ProtectedAnswers);
        // Amy opens it from her mailbox, on her phone: the page names what it will do and changes nothing until she presses.
        var link = await MailboxLinkAsync(site, "amy@example.com");
        var phone = site.CreatePageClient();
        var page = WebUtility.HtmlDecode(await phone.GetStringAsync(link));
        Assert.Contains("Withdraw your consent for every booking", page);
        Assert.NotNull((await site.IntakeAsync(ann)).ProtectedAnswers);
        var token = Forms.Token(page);
        Assert.Equal(link, BookingSite.Location(await phone.PostWithTokenAsync(link, token)));
        Assert.Null((await site.IntakeAsync(ann)).ProtectedAnswers);
        var used = WebUtility.HtmlDecode(await phone.GetStringAsync(link));
        Assert.Contains("health answers of all your bookings are deleted", used);
        Assert.DoesNotContain("<form", used);
        // Used once: pressing again (a second tab) changes nothing and says it is done.
        Assert.Equal(link, BookingSite.Location(await phone.PostWithTokenAsync(link, token)));
        Assert.Equal(1, await site.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "client.health-consent-withdrawn" && a.Actor == "the client, by the link emailed to them")));
    }

    [Fact]
    public async Task A_booking_made_with_someones_address_cannot_change_their_follow_up_choice()
    {
        var site = shared;
        var ann = await AnnBooksWithHealthAnswersAsync(site, "2026-12-15T14:00Z", "abe@example.com");
        var mallory = site.CreatePageClient();
        var manage = await SecuritySteps.BookAsync(mallory, "2026-12-17T10:00Z",
            new Dictionary<string, string>(BookingJourney.Details(name: "Mallory", email: "abe@example.com")) { ["NoFollowUp"] = "true" });

        await mallory.PostFormAsync(manage, manage + "/no-follow-up", new Dictionary<string, string>());

        Assert.False(await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "abe@example.com").Select(c => c.NoFollowUp).SingleAsync()));
        Assert.False(await site.WithDbAsync(db => db.Bookings.Where(a => a.Id == ann).Select(a => a.NoFollowUp).SingleAsync()));
        // Only the link sent to the client's address stops her follow-ups for every visit.
        await mallory.PostFormAsync(manage, manage + "/no-follow-up/everywhere", new Dictionary<string, string>());
        Assert.False(await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "abe@example.com").Select(c => c.NoFollowUp).SingleAsync()));
        var link = await MailboxLinkAsync(site, "abe@example.com");
        await site.CreatePageClient().PostFormAsync(link, link, new Dictionary<string, string>());
        Assert.True(await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "abe@example.com").Select(c => c.NoFollowUp).SingleAsync()));
    }

    [Fact]
    public async Task Someone_who_fills_a_clients_cap_with_their_address_cannot_stop_the_client_booking_online()
    {
        using var site = new BookingSite();
        // A site of its own: it sets the cap and counts every booking.
        site.With("Booking:MaxOpenBookingsPerEmail", "3");
        var mallory = site.CreatePageClient();
        foreach (var start in new[] { "2026-12-08T10:00Z", "2026-12-09T10:00Z", "2026-12-10T10:00Z" })
        {
            await MalloryBooksAsAnnAsync(mallory, start);
        }
        // Mallory's fourth is not booked: the confirmation link goes to Ann's mailbox, not to Mallory.
        var fourth = await new BookingJourney(mallory).UpToReviewAsync("2026-12-11T10:00Z");
        Assert.Contains("Check your email", await (await new BookingJourney(mallory).ConfirmAsync(fourth)).Content.ReadAsStringAsync());
        Assert.Equal(3, await site.WithDbAsync(db => db.Bookings.CountAsync()));

        var annBrowser = site.CreatePageClient();
        var key = await new BookingJourney(annBrowser).UpToReviewAsync("2026-12-14T10:00Z");
        var waiting = await new BookingJourney(annBrowser).ConfirmAsync(key);
        Assert.Contains("Check your email to confirm", await waiting.Content.ReadAsStringAsync());
        var link = await MailboxLinkAsync(site, "ann@example.com");
        var annPhone = site.CreatePageClient();
        Assert.Contains("Monday 14 December, 10:00 to 11:00", await annPhone.GetStringAsync(link));
        var confirmed = await annPhone.PostFormAsync(link, link, new Dictionary<string, string>());

        var done = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("Your booking is confirmed", done);
        Assert.Contains("id=\"manage-link\"", done);
        Assert.Equal(1, await site.BookingsAtAsync("2026-12-14T10:00Z"));
        Assert.Equal(0, await site.BookingsAtAsync("2026-12-11T10:00Z"));
        // Back in the browser that started it, the review page now shows the booking made.
        Assert.Equal("/book/done/" + key, BookingSite.Location(await annBrowser.GetAsync("/book/review/" + key)));
    }

    [Fact]
    public async Task A_confirm_link_works_only_for_the_address_it_was_sent_to()
    {
        using var site = new BookingSite();
        // A site of its own: it sets the cap.
        site.With("Booking:MaxOpenBookingsPerEmail", "1");
        var mallory = site.CreatePageClient();
        await SecuritySteps.BookAsync(mallory, "2026-12-08T10:00Z", BookingJourney.Details(email: "mallory@example.com"));
        var key = await new BookingJourney(mallory).UpToReviewAsync("2026-12-09T10:00Z");
        await mallory.PostFormAsync("/book/details/" + key, "/book/details/" + key, BookingJourney.Details(email: "mallory@example.com"));
        await new BookingJourney(mallory).ConfirmAsync(key);
        var link = await MailboxLinkAsync(site, "mallory@example.com");

        // The address is changed after the link went out: the link no longer confirms anything.
        await mallory.PostFormAsync("/book/details/" + key, "/book/details/" + key, BookingJourney.Details(email: "victim@example.com"));
        var response = await mallory.PostFormAsync(link, link, new Dictionary<string, string>());

        Assert.Equal(0, await site.BookingsAtAsync("2026-12-09T10:00Z"));
        Assert.True((int)response.StatusCode < 500);
    }

    [GeneratedRegex("http://localhost:5065(/booking/email/[A-Za-z0-9_-]{43})")]
    private static partial Regex MailboxLinkPattern();
}
