using HemelMassage.Web.Tests.Support;
using System.Net;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

public sealed class BadInputTests(BookingSite site) : IClassFixture<BookingSite>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Theory]
    [InlineData("Name", "", "Please enter your name.")]
    [InlineData("Email", "", "Please enter your email address")]
    [InlineData("Email", "ann.example.com", "Please enter an email address like name@example.com.")]
    [InlineData("Phone", "", "Please enter a phone number")]
    [InlineData("Phone", "12345", "Please enter a phone number like 07700 900123, or from abroad with + and your country code")]
    [InlineData("Phone", "+0 1234 5678", "Please enter a phone number like 07700 900123")]
    [InlineData("Phone", "555 123 4567", "Please enter a phone number like 07700 900123")]
    [InlineData("Visit", "sometimes", "Please tell us whether this is your first visit.")]
    [InlineData("Note", "\u001b[31mred\u0007", "Your note has characters we can't use")]
    [InlineData("AcceptPolicy", "false", "Please confirm you accept the cancellation policy.")]
    [InlineData("AcceptPolicy", "perhaps", "Please check this answer.")]
    public async Task Each_wrong_detail_gets_its_message_next_to_the_field_and_keeps_what_was_typed(string field, string value, string message)
    {
        var details = BookingSite.Location(await new BookingJourney(_client).ChooseAsync("2026-12-15T10:00Z"));
        var fields = BookingJourney.Details(name: "Kept Name");
        fields[field] = value;

        var response = await _client.PostFormAsync(details, details, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}-error\">{message}", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        if (field != "Name")
        {
            Assert.Contains("value=\"Kept Name\"", html, StringComparison.Ordinal);
        }
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.Name != null)));
    }

    [Theory]
    [InlineData("Name", 101)]
    [InlineData("Email", 300)]
    [InlineData("Phone", 21)]
    [InlineData("Note", 1001)]
    public async Task Over_long_answers_are_refused_with_a_message(string field, int length)
    {
        var details = BookingSite.Location(await new BookingJourney(_client).ChooseAsync("2026-12-15T11:00Z"));
        var fields = BookingJourney.Details();
        fields[field] = new string('7', length);

        var html = await (await _client.PostFormAsync(details, details, fields)).Content.ReadAsStringAsync();

        Assert.Contains($"id=\"{field}-error\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Start", "")]
    [InlineData("Start", "tomorrow at ten")]
    [InlineData("Start", "2026-12-15T10:00:00.5Z")]
    [InlineData("Start", "\u0000\u0001")]
    [InlineData("Treatment", "no-such-treatment")]
    [InlineData("Treatment", "")]
    [InlineData("Therapist", "999")]
    [InlineData("Therapist", "-1")]
    [InlineData("Therapist", "1 OR 1=1")]
    [InlineData("Pending", "not-a-key")]
    public async Task Fuzzed_time_choices_never_error_and_save_nothing(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-16T10:00Z" };
        fields[field] = value;

        var response = await _client.PostFormAsync(BookingJourney.TimesPage, "/book/times", fields);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {field}={value}");
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.StartUtc == new DateTime(2026, 12, 16, 10, 0, 0))));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("none")]
    public async Task A_problem_word_the_site_does_not_know_shows_no_empty_notice(string problem)
    {
        var page = await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-09&problem=" + problem);

        Assert.DoesNotContain("notice warning", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_huge_field_is_refused_without_an_error()
    {
        var response = await _client.PostFormAsync(BookingJourney.TimesPage, "/book/times",
            new Dictionary<string, string> { ["Treatment"] = new string('x', 200_000), ["Therapist"] = "1", ["Start"] = new string('9', 100_000) });

        Assert.True((int)response.StatusCode < 500);
    }

    [Fact]
    public async Task A_field_name_with_an_unclosed_bracket_is_answered_without_an_error()
    {
        var response = await _client.PostAsync("/book/times", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-16T10:00Z", ["Start[x"] = "1",
        }));

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://elsewhere.example")]
    [InlineData("Origin", "null")]
    public async Task A_time_chosen_from_another_site_is_a_400_and_saves_nothing(string header, string value)
    {
        // The times page is shared by every visitor, so its form has no per-visitor token: the browser's own
        // word on where the post came from is what refuses a forged one.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/book/times")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-17T10:00Z" }),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.StartUtc == new DateTime(2026, 12, 17, 10, 0, 0))));
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "same-origin")]
    [InlineData("Origin", "http://localhost")]
    public async Task A_time_chosen_on_this_site_needs_no_token(string header, string value)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/book/times")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-17T11:00Z" }),
        };
        request.Headers.TryAddWithoutValidation(header, value);

        var response = await _client.SendAsync(request);

        Assert.StartsWith("/book/details/", BookingSite.Location(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/book/details/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/book/review/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_post_without_the_antiforgery_token_is_a_400_and_saves_nothing(string action)
    {
        var response = await _client.PostFormAsync("/book", action, new Dictionary<string, string>
        {
            ["Treatment"] = "deep-tissue", ["Therapist"] = "1", ["Start"] = "2026-12-17T10:00Z",
        }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.StartUtc == new DateTime(2026, 12, 17, 10, 0, 0))));
    }

    [Theory]
    [InlineData("/book/details/nope")]
    [InlineData("/book/review/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/book/done/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=abc&date=zzz")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=1&date=1999-01-01&problem=%00")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=1&problem=12345")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=1&problem=-1")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=1&pending=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/book/times?treatment=deep-tissue&therapist=1&pending=%00")]
    [InlineData("/book/done/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/calendar.ics")]
    [InlineData("/booking/email/nope")]
    [InlineData("/booking/email/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/booking/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/cancel")]
    public async Task Odd_or_unknown_booking_addresses_never_error(string path)
    {
        var response = await _client.GetAsync(path);

        Assert.True((int)response.StatusCode < 500, $"{(int)response.StatusCode} for {path}");
    }
}
