using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed partial class PhoneBookingTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static async Task<HttpResponseMessage> BookAsync(HttpClient client, string email, string date, string time, int therapist = 1, bool overrideRules = false)
    {
        var form = await client.GetStringAsync("/admin/bookings/new");
        var fields = new Dictionary<string, string>
        {
            ["Key"] = KeyField().Match(form).Groups[1].Value, ["Name"] = "Phil Phone", ["Email"] = email, ["Phone"] = "01442 000000",
            ["TreatmentId"] = "1", ["TherapistId"] = therapist.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Date"] = date, ["Time"] = time,
        };
        if (overrideRules)
        {
            fields["Override"] = "true";
        }
        return await client.PostWithTokenAsync("/admin/bookings/new", Forms.Token(form), fields);
    }

    [Fact]
    public async Task Reception_books_a_phone_client_into_a_free_hour_and_the_client_is_emailed()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var page = await reception.FollowAsync(await BookAsync(reception, "phil@example.com", "2026-12-08", "10:00"));

        Assert.Contains("Booked by phone", page, StringComparison.Ordinal);
        var booking = await site.WithDbAsync(db => db.Bookings.Include(a => a.Client).SingleAsync(a => a.Client!.Email == "phil@example.com"));
        Assert.Equal(BookingSite.Utc("2026-12-08T11:00Z"), booking.EndUtc);
        Assert.True(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == "phil@example.com")));
    }

    [Fact]
    public async Task A_phone_booking_that_would_overlap_is_refused_with_a_message_even_with_the_override_ticked()
    {
        await site.AddBookingAsync("2026-12-09T14:00Z", email: "first@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await BookAsync(reception, "second@example.com", "2026-12-09", "14:30", overrideRules: true);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be double-booked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email == "second@example.com")));
    }

    [Fact]
    public async Task Outside_working_hours_shows_a_warning_and_books_only_once_the_override_is_ticked()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var warned = await BookAsync(owner, "late@example.com", "2026-12-10", "19:00");
        var html = WebUtility.HtmlDecode(await warned.Content.ReadAsStringAsync());
        Assert.Contains("This time is outside the usual rules: the therapist is not working then", html, StringComparison.Ordinal);
        Assert.Contains("I know this is outside the usual rules", html, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email == "late@example.com")));

        var page = await owner.FollowAsync(await BookAsync(owner, "late@example.com", "2026-12-10", "19:00", overrideRules: true));

        Assert.Contains("rules overridden", page, StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.Bookings.AnyAsync(a => a.Client!.Email == "late@example.com" && a.Status == BookingStatus.Booked)));
    }

    [Fact]
    public async Task Every_field_of_an_empty_phone_booking_gets_a_plain_message()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await reception.PostFormAsync("/admin/bookings/new", "/admin/bookings/new", new() { ["TherapistId"] = "abc", ["Override"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter the client's name.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the date, for example", html, StringComparison.Ordinal);
        Assert.Contains("Choose a treatment.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_therapist_may_not_book_phone_clients()
    {
        var sarah = await site.SignedInTherapistAsync(1);

        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync("/admin/bookings/new")).StatusCode);
    }

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
