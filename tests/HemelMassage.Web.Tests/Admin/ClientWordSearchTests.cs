using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>
/// "Part of a name" at the desk means the start of any word of the client's name or email (before the @), as
/// Cliniko and Jane search: the same answers on both engines, and the words follow the record through booking by
/// phone, editing, merging and erasure.
/// </summary>
[Trait("Database", "Both")]
public sealed partial class ClientWordSearchTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static string Day(int daysAfterMonday) => BookingSite.Monday.AddDays(daysAfterMonday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<string> FoundAsync(HttpClient client, string typed) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/admin/bookings/new/clients?q=" + Uri.EscapeDataString(typed)));

    private Task<int> AddClientAsync(string name, string email) => site.WithDbAsync(async db =>
    {
        if (!await db.Clients.AnyAsync(c => c.Email == email))
        {
            db.Clients.Add(new Web.Clients.Client { Name = name, Email = email, Phone = "01442 000111", CreatedAtUtc = BookingSite.Monday.UtcDateTime });
        }
        return await db.SaveChangesAsync();
    });

    private Task<int> ClientIdAsync(string email) => site.WithDbAsync(db => db.Clients.Where(c => c.Email == email).Select(c => c.Id).SingleAsync());

    [Theory]
    [InlineData("sar")]
    [InlineData("JON")]
    [InlineData("sarah j")]
    [InlineData("jones sarah")]
    [InlineData("physio")]
    [InlineData("sj.phys")]
    public async Task A_client_is_found_by_the_start_of_any_word_of_their_name_or_email(string typed)
    {
        await AddClientAsync("Sarah Jones", "sj.physio@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        Assert.Contains("Book for Sarah Jones", await FoundAsync(reception, typed), StringComparison.Ordinal);
        Assert.Contains("Sarah Jones", await reception.GetStringAsync("/admin/clients?q=" + Uri.EscapeDataString(typed)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("arah")]
    [InlineData("sarah x")]
    [InlineData("example")]
    [InlineData("%")]
    public async Task The_middle_of_a_word_another_word_or_the_email_domain_finds_nobody(string typed)
    {
        await AddClientAsync("Sarah Jones", "sj.physio@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var found = await FoundAsync(reception, typed);

        Assert.DoesNotContain("Sarah Jones", found, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zoe")]
    [InlineData("ZOË")]
    [InlineData("obrien")]
    [InlineData("O'Brien")]
    [InlineData("smith")]
    public async Task Accents_apostrophes_and_hyphens_are_found_as_a_receptionist_would_type_them(string typed)
    {
        await AddClientAsync("Zoë O’Brien-Smith", "zoe@example.com");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        Assert.Contains("Book for Zoë O’Brien-Smith", await FoundAsync(reception, typed), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_words_follow_the_record_through_a_phone_booking_an_edit_a_merge_and_erasure()
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var date = Day(2);
        var form = await reception.GetStringAsync($"/admin/bookings/new?therapist=1&date={date}&time=10:00&treatment=1");
        var booked = await reception.PostWithTokenAsync("/admin/bookings/new", Forms.Token(form), new Dictionary<string, string>
        {
            ["Key"] = KeyField().Match(form).Groups[1].Value, ["Name"] = "Petra Phonecall", ["Email"] = "petra@example.com", ["Phone"] = "01442 333444",
            ["TreatmentId"] = "1", ["TherapistId"] = "1", ["Date"] = date, ["Time"] = "10:00",
        }.ToList());
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        Assert.Contains("Book for Petra Phonecall", await FoundAsync(reception, "phonec"), StringComparison.Ordinal);
        var petra = await ClientIdAsync("petra@example.com");

        await reception.PostFormAsync($"/admin/clients/{petra}/edit", $"/admin/clients/{petra}/edit", new()
        {
            ["Name"] = "Petra Newname", ["Email"] = "petra@example.com", ["Phone"] = "07700 900123",
        });
        Assert.Contains("Book for Petra Newname", await FoundAsync(reception, "newn"), StringComparison.Ordinal);
        Assert.Contains("No client matches", await FoundAsync(reception, "phonec"), StringComparison.Ordinal);

        await site.AddBookingAsync("2026-12-16T10:00Z", email: "petra.work@example.com", name: "Petra Newname");
        var other = await ClientIdAsync("petra.work@example.com");
        await owner.PostFormAsync($"/admin/clients/{petra}/merge/{other}", $"/admin/clients/{petra}/merge/{other}",
            new() { ["EmailFromOther"] = "true", ["Confirm"] = "true" });
        Assert.False(await site.WithDbAsync(db => db.ClientSearchWords.AnyAsync(w => w.ClientId == other)));
        var byWork = await FoundAsync(reception, "petra work");
        Assert.Contains("Book for Petra Newname", byWork, StringComparison.Ordinal);
        Assert.Contains("petra.work@example.com", byWork, StringComparison.Ordinal);

        await owner.PostFormAsync($"/admin/clients/{petra}", $"/admin/clients/{petra}/erase", new() { ["confirm"] = "true" });
        Assert.Contains("No client matches", await FoundAsync(reception, "petra"), StringComparison.Ordinal);
        Assert.False(await site.WithDbAsync(db => db.ClientSearchWords.AnyAsync(w => w.Word == "petra" || w.Word == "newname" || w.Word == "work")));
    }

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
