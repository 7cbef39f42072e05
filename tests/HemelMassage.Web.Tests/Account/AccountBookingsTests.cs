using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Security;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Account;

/// <summary>
/// "My bookings", book again and the mailbox-proof rule. One site: each test books Sarah's hours of its own
/// (<see cref="SarahsHours"/>) under an address of its own.
/// </summary>
public sealed partial class AccountBookingsTests(BookingSite site) : IClassFixture<BookingSite>
{
    private Task<Web.Bookings.Booking> BookingAtAsync(string start) => site.WithDbAsync(db =>
    {
        var utc = BookingSite.Utc(start);
        return db.Bookings.AsNoTracking().SingleAsync(b => b.StartUtc == utc && b.Status != BookingStatus.Cancelled);
    });

    [Fact]
    [Trait("Database", "Both")]
    public async Task My_bookings_lists_the_visit_and_cancels_it_under_the_manage_links_rules()
    {
        var browser = site.CreatePageClient();
        await SecuritySteps.BookAsync(browser, SarahsHours.Hour(0), BookingJourney.Details(name: "Eve Mine", email: "eve.mine@example.com"));
        await AccountSteps.SignInAsync(site, browser, "eve.mine@example.com");
        var booking = await BookingAtAsync(SarahsHours.Hour(0));

        var page = await AccountSteps.PageAsync(browser, "/account/bookings");
        Assert.Contains(booking.Reference, page);
        Assert.Contains($"/account/bookings/{booking.Reference}/reschedule", page);
        // Another client's reference is not found from this session.
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/account/bookings/HM-ZZZZZZ/cancel")).StatusCode);

        var confirm = await AccountSteps.PageAsync(browser, $"/account/bookings/{booking.Reference}/cancel");
        Assert.Contains("Yes, cancel this booking", confirm);
        var cancelled = await browser.PostWithTokenAsync($"/account/bookings/{booking.Reference}/cancel", Forms.Token(confirm));

        Assert.Equal("/account/bookings?message=cancelled", BookingSite.Location(cancelled));
        Assert.Equal(BookingStatus.Cancelled, (await site.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booking.Id))).Status);
        Assert.Equal(1, await site.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.BookingId == booking.Id && m.Kind == EmailKind.Cancelled)));
    }

    [Fact]
    public async Task Book_again_opens_the_times_with_the_same_treatment_and_therapist_and_the_details_filled_in()
    {
        var browser = site.CreatePageClient();
        await SecuritySteps.BookAsync(browser, SarahsHours.Hour(1), BookingJourney.Details(name: "Fay Again", email: "fay.again@example.com"));
        await AccountSteps.SignInAsync(site, browser, "fay.again@example.com");

        var page = await AccountSteps.PageAsync(browser, "/account/bookings");
        var again = BookAgain().Match(page).Groups[1].Value;
        Assert.Equal("/book/times?treatment=deep-tissue&therapist=1", again);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(again)).StatusCode);
        var details = BookingSite.Location(await new BookingJourney(browser).ChooseAsync(SarahsHours.Hour(2)));
        var form = await AccountSteps.PageAsync(browser, details);
        Assert.Contains("value=\"Fay Again\"", form);
        Assert.Contains("value=\"fay.again@example.com\"", form);
        Assert.Contains("I have been before and nothing has changed", form);

        var fields = BookingJourney.Details(name: "Fay Again", email: "fay.again@example.com");
        fields["Visit"] = "returning";
        var review = BookingSite.Location(await browser.PostFormAsync(details, details, fields));
        Assert.StartsWith("/book/done/", BookingSite.Location(await new BookingJourney(browser).ConfirmAsync(review.Split('/')[^1])), StringComparison.Ordinal);

        // Booked while signed in under its own address: proven, so it is on the page at once.
        var second = await BookingAtAsync(SarahsHours.Hour(2));
        Assert.False(second.AwaitsMailboxProof);
        Assert.Contains(second.Reference, await AccountSteps.PageAsync(browser, "/account/bookings"));
    }

    [Fact]
    [Trait("Database", "Both")]
    public async Task A_booking_made_online_under_a_known_address_stays_off_the_clients_page_until_its_confirm_link_is_used()
    {
        var gus = site.CreatePageClient();
        await SecuritySteps.BookAsync(gus, SarahsHours.Hour(4), BookingJourney.Details(name: "Gus Known", email: "gus.known@example.com"));
        // Someone else, in another browser, books with Gus's address.
        var stranger = site.CreatePageClient();
        await SecuritySteps.BookAsync(stranger, SarahsHours.Hour(5), BookingJourney.Details(name: "Not Gus", email: "Gus.Known@example.com"));
        var theirs = await BookingAtAsync(SarahsHours.Hour(5));
        Assert.True(theirs.AwaitsMailboxProof);
        Assert.False((await BookingAtAsync(SarahsHours.Hour(4))).AwaitsMailboxProof);

        await AccountSteps.SignInAsync(site, gus, "gus.known@example.com");
        Assert.DoesNotContain(theirs.Reference, await AccountSteps.PageAsync(gus, "/account/bookings"));

        // The address's owner reads the booking's confirmation, which carries the "this booking is mine" link (and
        // no second email); the link opens a page with a button, and the GET changes nothing.
        var secrets = site.Services.GetRequiredService<OutboxSecrets>();
        var toGus = await site.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == "gus.known@example.com").ToListAsync());
        var confirmation = Assert.Single(toGus.Select(secrets.Open), m => ProofLink().IsMatch(m.TextBody));
        Assert.Equal((EmailKind.Confirmation, theirs.Id), (confirmation.Kind, confirmation.BookingId));
        var link = ProofLink().Match(confirmation.TextBody).Value;
        Assert.Contains("/booking/", ManageLink().Match(confirmation.TextBody).Value);
        Assert.Contains(link, confirmation.HtmlBody);
        Assert.Contains("Yes, this booking is mine", confirmation.HtmlBody);
        var proofPage = await AccountSteps.PageAsync(gus, link);
        Assert.Contains("Yes, this booking is mine", proofPage);
        Assert.True((await BookingAtAsync(SarahsHours.Hour(5))).AwaitsMailboxProof);
        Assert.Equal(link, BookingSite.Location(await gus.PostWithTokenAsync(link, Forms.Token(proofPage))));

        Assert.False((await BookingAtAsync(SarahsHours.Hour(5))).AwaitsMailboxProof);
        Assert.Contains(theirs.Reference, await AccountSteps.PageAsync(gus, "/account/bookings"));
    }

    [GeneratedRegex("href=\"(/book/times\\?[^\"]+)\"")]
    private static partial Regex BookAgain();

    [GeneratedRegex(@"/booking/email/[A-Za-z0-9_-]{43}")]
    private static partial Regex ProofLink();

    [GeneratedRegex(@"/booking/[A-Za-z0-9_-]{43}")]
    private static partial Regex ManageLink();
}
