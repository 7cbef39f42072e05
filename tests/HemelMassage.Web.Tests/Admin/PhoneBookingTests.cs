using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed partial class PhoneBookingTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static string Day(int daysAfterMonday) => BookingSite.Monday.AddDays(daysAfterMonday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Opens the form as the diary's free-hour link does, then posts it with <paramref name="fields"/> over the defaults.</summary>
    private static async Task<HttpResponseMessage> BookAsync(
        HttpClient client, string date, string time, Dictionary<string, string>? fields = null, int therapist = 1, IEnumerable<string>? acknowledged = null)
    {
        var form = await client.GetStringAsync($"/admin/bookings/new?therapist={therapist}&date={date}&time={time}&treatment=1");
        var posted = new Dictionary<string, string>
        {
            ["Key"] = KeyField().Match(form).Groups[1].Value, ["Name"] = "Phil Phone", ["Email"] = "", ["Phone"] = "01442 000000",
            ["TreatmentId"] = "1", ["TherapistId"] = therapist.ToString(CultureInfo.InvariantCulture), ["Date"] = date, ["Time"] = time,
        };
        foreach (var (name, value) in fields ?? [])
        {
            posted[name] = value;
        }
        var all = posted.ToList();
        all.AddRange((acknowledged ?? []).Select(rule => KeyValuePair.Create("Acknowledged", rule)));
        return await client.PostWithTokenAsync("/admin/bookings/new", Forms.Token(form), all);
    }

    /// <summary>The rules the page names for that hour, each with its own tick box.</summary>
    private static async Task<List<string>> RulesShownAsync(HttpClient client, string date, string time) =>
        [.. RuleBox().Matches(await client.GetStringAsync($"/admin/bookings/new?therapist=1&date={date}&time={time}&treatment=1")).Select(m => m.Groups[1].Value)];

    private Task<List<OutboxMessage>> EmailsOfAsync(int bookingId) =>
        site.WithDbAsync(db => db.OutboxMessages.Where(m => m.BookingId == bookingId).ToListAsync());

    private static int BookingIdOf(HttpResponseMessage response) =>
        int.Parse(BookingSite.Location(response).Split('/')[^1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_free_hour_link_opens_the_form_filled_with_the_free_hours_of_that_day_to_pick_from()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var html = await reception.GetStringAsync($"/admin/bookings/new?therapist=1&date={Day(4)}&time=10:00&treatment=1");

        Assert.Matches("<option value=\"1\" selected=\"selected\">", html);
        Assert.Matches("name=\"Time\" id=\"[^\"]+\" value=\"10:00\" checked=\"checked\"", html);
        Assert.Contains("value=\"11:00\"", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("name=\"Acknowledged\"", html);
    }

    [Fact]
    public async Task Reception_books_a_phone_client_into_a_free_hour_and_the_client_is_told_the_clinic_booked_it_by_phone()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await BookAsync(reception, Day(1), "10:00", new() { ["Email"] = "phil@example.com" });

        var page = await reception.FollowAsync(response);
        Assert.Contains("Booked", page, StringComparison.Ordinal);
        var booking = await site.WithDbAsync(db => db.Bookings.Include(a => a.Client).SingleAsync(a => a.Client!.Email == "phil@example.com"));
        Assert.Equal(BookingSite.Utc($"{Day(1)}T11:00Z"), booking.EndUtc);
        var emails = await EmailsOfAsync(booking.Id);
        var confirmation = Assert.Single(emails, m => m.Kind == EmailKind.Confirmation);
        Assert.Equal("phil@example.com", confirmation.ToAddress);
        Assert.Contains("as arranged with you by phone", confirmation.TextBody, StringComparison.Ordinal);
        var clinic = Assert.Single(emails, m => m.Kind == EmailKind.ClinicNewBooking);
        Assert.Contains("Reception Tester booked this by phone", clinic.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("A client has booked online", clinic.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_with_no_email_is_booked_and_sent_nothing_while_the_clinic_hears_who_booked_it()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var form = await owner.GetStringAsync("/admin/bookings/new");
        var response = await BookAsync(owner, Day(1), "14:00", new() { ["Name"] = "Nora Noemail", ["Phone"] = "07700 900777" });

        Assert.Contains("with no email, the client is sent no emails", form, StringComparison.Ordinal);
        var emails = await EmailsOfAsync(BookingIdOf(response));
        var only = Assert.Single(emails);
        Assert.Equal(EmailKind.ClinicNewBooking, only.Kind);
        Assert.Contains("Owner Tester booked this by phone", only.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_rule_a_phone_booking_breaks_is_named_and_one_tick_does_not_lift_another()
    {
        // Beyond the 60-day window and after the therapist's hours: two rules at once.
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var date = Day(70);

        var rules = await RulesShownAsync(reception, date, "19:00");
        var refused = await BookAsync(reception, date, "19:00", new() { ["Email"] = "rules@example.com" }, acknowledged: ["Window"]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(["Window", "Hours"], rules);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("This booking breaks 2 of the usual rules", html, StringComparison.Ordinal);
        Assert.Contains("outside the therapist's working hours", html, StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email == "rules@example.com")));

        var booked = await BookAsync(reception, date, "19:00", new() { ["Email"] = "rules@example.com" }, acknowledged: ["Window", "Hours"]);

        var page = await reception.FollowAsync(booked);
        Assert.Contains("rules overridden", page, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Booked, (await site.BookingAsync(BookingIdOf(booked))).Status);
    }

    [Fact]
    public async Task A_booking_recorded_after_its_hour_has_begun_sends_no_confirmed_email()
    {
        // The site's clock stands at 08:00 on Monday: 07:00 that morning is past.
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var rules = await RulesShownAsync(reception, Day(0), "07:00");

        var response = await BookAsync(reception, Day(0), "07:00", new() { ["Email"] = "walkin@example.com" }, acknowledged: rules);

        Assert.Contains("Past", rules);
        var emails = await EmailsOfAsync(BookingIdOf(response));
        Assert.DoesNotContain(emails, m => m.ToAddress == "walkin@example.com");
        Assert.Contains(emails, m => m.Kind == EmailKind.ClinicNewBooking);
    }

    [Fact]
    public async Task Changed_contact_details_given_on_the_phone_update_the_picked_client_and_are_audited()
    {
        await site.AddBookingAsync($"{Day(3)}T09:00Z", email: "moved@example.com", name: "Mo Moved");
        var clientId = await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "moved@example.com").Select(c => c.Id).SingleAsync());
        var (reception, user) = await site.SignedInAsAsync("Reception");

        var picked = await reception.GetStringAsync($"/admin/bookings/new?client={clientId}");
        var response = await BookAsync(reception, Day(3), "14:00", new()
        {
            ["ClientId"] = clientId.ToString(CultureInfo.InvariantCulture), ["Name"] = "Mo Moved", ["Email"] = "mo.new@example.com", ["Phone"] = "07700 900999",
        });

        Assert.Contains("value=\"moved@example.com\"", picked, StringComparison.Ordinal);
        Assert.Equal(clientId, (await site.BookingAsync(BookingIdOf(response))).ClientId);
        var client = await site.WithDbAsync(db => db.Clients.SingleAsync(c => c.Id == clientId));
        Assert.Equal(("mo.new@example.com", "07700 900999", "07700900999"), (client.Email, client.Phone, client.PhoneKey));
        var audit = await site.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == "client.contact" && e.Subject == $"client {clientId}"));
        Assert.Equal("email, phone changed (told when booking by phone)", audit.Detail);
        Assert.Equal(user.Email, audit.Actor);
    }

    [Fact]
    public async Task A_phone_booking_that_would_overlap_is_refused_whatever_is_ticked()
    {
        await site.AddBookingAsync($"{Day(2)}T14:00Z", email: "first@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await BookAsync(reception, Day(2), "14:30", new() { ["Email"] = "second@example.com" },
            acknowledged: Enum.GetNames<BookingRule>());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("cannot be double-booked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email == "second@example.com")));
    }

    [Fact]
    public async Task Every_required_field_of_an_empty_phone_booking_gets_a_plain_message()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await reception.PostFormAsync("/admin/bookings/new", "/admin/bookings/new", new() { ["TherapistId"] = "abc", ["Acknowledged"] = "maybe" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Enter the client's name.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the client's phone number.", html, StringComparison.Ordinal);
        Assert.Contains("Enter the date, for example", html, StringComparison.Ordinal);
        Assert.Contains("Choose a treatment.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Enter the client's email", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_therapist_may_not_book_phone_clients()
    {
        var sarah = await site.SignedInTherapistAsync(1);

        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync("/admin/bookings/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync("/admin/bookings/new/clients?q=ann")).StatusCode);
    }

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();

    [GeneratedRegex("name=\"Acknowledged\" value=\"([A-Za-z]+)\"")]
    private static partial Regex RuleBox();
}
