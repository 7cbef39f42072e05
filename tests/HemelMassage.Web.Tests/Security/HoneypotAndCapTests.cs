using HemelMassage.Web.Tests.Support;
using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Security;

public sealed class HoneypotAndCapTests
{
    [Fact]
    public async Task The_honeypot_is_hidden_from_people_and_screen_readers()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-08T10:00Z"));

        var html = await client.GetStringAsync(details);

        Assert.Matches("<div class=\"visually-hidden\" aria-hidden=\"true\">\\s*<label for=\"Website\">Leave this empty</label>\\s*" +
            "<input type=\"text\" id=\"Website\" name=\"Website\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">", html);
    }

    [Fact]
    public async Task A_bot_that_fills_the_honeypot_gets_a_plausible_page_and_no_booking()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var details = BookingSite.Location(await journey.ChooseAsync("2026-12-08T10:00Z"));
        var form = BookingJourney.Details();
        form["Website"] = "http://spam.example";

        var response = await client.PostFormAsync(details, details, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Thank you", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.Name != null)));
        Assert.Equal(details, BookingSite.Location(await client.GetAsync("/book/review/" + details.Split('/')[^1])));
        Assert.Equal(0, await site.WithDbAsync(db => db.Bookings.CountAsync()));
    }

    [Fact]
    public async Task A_fourth_open_booking_for_one_email_needs_the_link_sent_to_that_address_and_the_clinic_phone_number_is_offered()
    {
        Assert.Equal(3, new BookingOptions().MaxOpenBookingsPerEmail);
        using var site = new BookingSite();
        site.With("Booking:MaxOpenBookingsPerEmail", "3");
        var client = site.CreatePageClient();
        foreach (var start in new[] { "2026-12-08T10:00Z", "2026-12-09T10:00Z", "2026-12-10T10:00Z" })
        {
            await SecuritySteps.BookAsync(client, start, BookingJourney.Details(email: "Busy@Example.com"));
        }
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-11T10:00Z"));
        var review = BookingSite.Location(await client.PostFormAsync(details, details, BookingJourney.Details(email: "busy@example.com")));

        var html = System.Net.WebUtility.HtmlDecode(await client.GetStringAsync(review));
        Assert.Contains("You already have 3 bookings to come with us under this email address", html, StringComparison.Ordinal);
        Assert.Contains("01442 000000", html, StringComparison.Ordinal);
        Assert.Contains("Email me a link to confirm", html, StringComparison.Ordinal);
        var sent = await new BookingJourney(client).ConfirmAsync(review.Split('/')[^1]);
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("b***@example.com", await sent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await site.WithDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal("busy@example.com", await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == HemelMassage.Web.Email.EmailKind.MailboxLink && m.Subject.StartsWith("Please confirm your booking")).Select(m => m.ToAddress).SingleAsync()));
    }
}
