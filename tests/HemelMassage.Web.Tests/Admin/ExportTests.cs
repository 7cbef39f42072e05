using System.Net;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class ExportTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_csv_parses_and_lists_the_same_bookings_as_the_diary()
    {
        await site.AddBookingAsync("2026-12-21T10:00Z", email: "plain@example.com", name: "Paula Plain");
        await site.AddBookingAsync("2026-12-22T10:00Z", email: "evil@example.com", name: "=HYPERLINK(\"http://x\",\"Smith, Jo\")");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var response = await reception.GetAsync("/admin/bookings/export?from=2026-12-21&to=2026-12-22");
        var rows = Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Reference", rows[0][0].TrimStart('\uFEFF'));
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal(11, r.Count));
        Assert.Equal("'=HYPERLINK(\"http://x\",\"Smith, Jo\")", rows[2][6]);
        var diary = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/diary/list/week?date=2026-12-21"));
        foreach (var row in rows.Skip(1))
        {
            Assert.Contains(row[4], diary, StringComparison.Ordinal);
            Assert.Contains($"{row[2]}</strong> {row[6].TrimStart('\'')}", diary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_booking_keeps_the_price_it_was_made_at_when_the_treatment_price_changes_and_the_csv_shows_it_with_the_status()
    {
        var journey = new BookingJourney(site.CreatePageClient());
        BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-23T10:00Z")));
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var deepTissue = await site.WithDbAsync(db => db.Treatments.SingleAsync(t => t.Slug == "deep-tissue"));

        var saved = await owner.PostFormAsync($"/admin/treatments/{deepTissue.Id}", $"/admin/treatments/{deepTissue.Id}", new Dictionary<string, string>
        {
            ["Form.Name"] = deepTissue.Name, ["Form.Suits"] = deepTissue.Suits, ["Form.Description"] = deepTissue.Description,
            ["Form.Price"] = "72.50", ["Form.IsActive"] = "true",
        });
        var rows = Parse(await owner.GetStringAsync("/admin/bookings/export?from=2026-12-23&to=2026-12-23"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(7250, await site.WithDbAsync(db => db.Treatments.Where(t => t.Id == deepTissue.Id).Select(t => t.PricePence).SingleAsync()));
        Assert.Equal(["Status", "Price"], rows[0][^2..]);
        var booked = Assert.Single(rows.Skip(1));
        Assert.Equal("Deep tissue massage", booked[5]);
        Assert.Equal(["Booked", (deepTissue.PricePence / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)], booked[^2..]);
    }

    [Fact]
    public async Task A_therapist_may_not_export_bookings()
    {
        var sarah = await site.SignedInTherapistAsync(1);

        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync("/admin/bookings/export?from=2026-12-21&to=2026-12-22")).StatusCode);
    }

    [Fact]
    public async Task Bad_dates_give_a_message_not_a_file()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var html = await owner.GetStringAsync("/admin/bookings/export?from=2026-12-22&to=banana");

        Assert.Contains("Enter both dates", html, StringComparison.Ordinal);
    }

    /// <summary>An RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    private static List<List<string>> Parse(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { cell.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else { cell.Append(c); }
        }
        return rows;
    }
}
