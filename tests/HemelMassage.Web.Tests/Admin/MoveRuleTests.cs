using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// A move, by the booking page's form or by a drag on the diary, names each usual rule the new time breaks and
/// needs a tick for each: one tick lifts one rule. A double booking stays impossible whatever is ticked.
/// </summary>
public sealed partial class MoveRuleTests(BookingSite site) : IClassFixture<BookingSite>
{
    // Beyond the 60-day window and after the therapist's hours: two rules at once.
    private const string FarDate = "2027-02-15";
    private const string LateTime = "19:00";

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient staff, int id, int version, string date, string time, IEnumerable<string> acknowledged, bool asJson = false)
    {
        var token = Forms.Token(await staff.GetStringAsync(asJson ? $"/admin/diary?date={date}" : $"/admin/bookings/{id}"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new(Forms.TokenField, token), new("Move.Version", $"{version}"), new("Move.TherapistId", "1"), new("Move.Date", date), new("Move.Time", time),
        };
        fields.AddRange(acknowledged.Select(rule => KeyValuePair.Create("Move.Acknowledged", rule)));
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/bookings/{id}/move") { Content = new FormUrlEncodedContent(fields) };
        if (asJson)
        {
            request.Headers.Accept.ParseAdd("application/json");
        }
        return await staff.SendAsync(request);
    }

    [Fact]
    public async Task A_move_breaking_two_rules_names_both_refuses_one_tick_saying_which_is_missing_and_moves_with_both()
    {
        var id = await site.AddBookingAsync("2026-12-17T10:00Z", email: "move-rules@example.com", name: "Rhea Rules");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await MoveAsync(reception, id, 0, FarDate, LateTime, ["Window"]);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(["Window", "Hours"], [.. RuleBox().Matches(html).Select(m => m.Groups[1].Value)]);
        Assert.Contains("This booking breaks 2 of the usual rules", html, StringComparison.Ordinal);
        Assert.Contains("Not ticked yet: It is outside the therapist's working hours, or in their break.", html, StringComparison.Ordinal);
        Assert.Equal(BookingSite.Utc("2026-12-17T10:00Z"), (await site.BookingAsync(id)).StartUtc);

        var moved = await MoveAsync(reception, id, 0, FarDate, LateTime, ["Window", "Hours"]);

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Contains("rules overridden", await reception.FollowAsync(moved), StringComparison.Ordinal);
        Assert.Equal(BookingSite.Utc($"{FarDate}T{LateTime}Z"), (await site.BookingAsync(id)).StartUtc);
    }

    [Fact]
    public async Task A_drag_breaking_two_rules_answers_with_each_rule_and_moves_once_both_are_acknowledged()
    {
        var id = await site.AddBookingAsync("2026-12-18T10:00Z", email: "drag-rules@example.com", name: "Dirk Drag");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await MoveAsync(reception, id, 0, "2027-02-16", LateTime, ["Hours"], asJson: true);
        using var answer = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False(answer.RootElement.GetProperty("moved").GetBoolean());
        Assert.Equal(["Window", "Hours"], [.. answer.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("rule").GetString() ?? "")]);
        Assert.Equal([false, true], [.. answer.RootElement.GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("acknowledged").GetBoolean())]);
        Assert.Contains("2 usual rules", answer.RootElement.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(BookingSite.Utc("2026-12-18T10:00Z"), (await site.BookingAsync(id)).StartUtc);

        var moved = await MoveAsync(reception, id, 0, "2027-02-16", LateTime, ["Window", "Hours"], asJson: true);

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(BookingSite.Utc($"2027-02-16T{LateTime}Z"), (await site.BookingAsync(id)).StartUtc);
    }

    [Fact]
    public async Task Every_rule_ticked_still_cannot_double_book_a_therapist()
    {
        var id = await site.AddBookingAsync("2026-12-21T10:00Z", email: "move-clash@example.com", name: "Cleo Clash");
        await site.AddBookingAsync("2027-02-17T19:00Z", email: "move-there@example.com", name: "Theo There");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await MoveAsync(reception, id, 0, "2027-02-17", "19:30", ["Window", "Hours", "StartTimes", "Changeover"]);

        Assert.Contains("cannot be double-booked", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(BookingSite.Utc("2026-12-21T10:00Z"), (await site.BookingAsync(id)).StartUtc);
        Assert.False(await site.WithDbAsync(db => db.Bookings.AnyAsync(a => a.Id == id && a.Version != 0)));
    }

    [GeneratedRegex("name=\"Move.Acknowledged\" value=\"([A-Za-z]+)\"")]
    private static partial Regex RuleBox();
}
