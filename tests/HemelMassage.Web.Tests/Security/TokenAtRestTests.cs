using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Security;

/// <summary>
/// Every link the site emails carries a token that works on its own. The database keeps only hashes, and the
/// outbox keeps the token encrypted until the email is sent: a copy of the database file, its WAL or a backup
/// holds no link that works.
/// </summary>
public sealed partial class TokenAtRestTests
{
    [Fact]
    public async Task After_booking_online_and_by_phone_moving_asking_for_a_mailbox_link_inviting_staff_and_sending_no_emailed_token_is_in_the_database_file_or_its_wal()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new BookingSite();
        site.With("Email:DispatcherEnabled", "false").With("Email:TlsMode", "None")
            .With("Email:Host", "127.0.0.1").With("Email:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
        var ann = site.CreatePageClient();
        var manage = await SecuritySteps.BookAsync(ann, "2026-12-10T10:00Z");
        await ann.PostFormAsync(manage + "/reschedule?date=2026-12-11", manage + "/reschedule", new Dictionary<string, string> { ["Start"] = "2026-12-11T14:00Z" });
        await ann.PostFormAsync(manage, manage + "/no-follow-up/everywhere", new Dictionary<string, string>());
        // Someone else books under Ann's address: that confirmation carries two links, its own and "this booking is mine".
        await SecuritySteps.BookAsync(site.CreatePageClient(), "2026-12-10T12:00Z", BookingJourney.Details(name: "Not Ann"));
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var form = await owner.GetStringAsync("/admin/bookings/new");
        var phoned = await owner.PostWithTokenAsync("/admin/bookings/new", Forms.Token(form), new Dictionary<string, string>
        {
            ["Key"] = PhoneKey().Match(form).Groups[1].Value, ["Name"] = "Phil Phone", ["Email"] = "phil@example.com", ["Phone"] = "01442 000000",
            ["TreatmentId"] = "1", ["TherapistId"] = "1", ["Date"] = "2026-12-08", ["Time"] = "10:00",
        });
        Assert.Equal(HttpStatusCode.Redirect, phoned.StatusCode);
        await owner.PostFormAsync("/admin/staff", "/admin/staff/invite",
            new() { ["Invite.DisplayName"] = "Sam Therapist", ["Invite.Email"] = "sam@example.com", ["Invite.Role"] = "Therapist" });

        var dispatcher = site.Services.GetRequiredService<OutboxDispatcher>();
        while (await dispatcher.DispatchOnceAsync() > 0)
        {
        }

        var emailed = smtp.Messages.Select(m => WebUtility.HtmlDecode(m.TextBody ?? "")).ToList();
        var tokens = emailed.SelectMany(body => EmailedToken().Matches(body).Select(m => m.Groups["token"].Value)).Distinct().ToList();
        // Ann's booking (confirmed, then moved), her mailbox link, Phil's booking and Sam's set-password link.
        Assert.Contains(emailed, body => body.Contains("/booking/email/", StringComparison.Ordinal));
        Assert.Contains(emailed, body => body.Contains("set-password?", StringComparison.Ordinal));
        Assert.True(tokens.Count >= 4, "Tokens emailed: " + string.Join(", ", tokens));
        Assert.Contains(manage.Split('/')[^1], tokens);
        Assert.Contains(emailed, body => EmailedToken().Matches(body).Select(m => m.Groups["token"].Value).Distinct().Count() == 2);
        Assert.DoesNotContain(emailed, body => body.Contains("{link-token", StringComparison.Ordinal));

        var stored = StoredBytes(site.DatabaseFile);
        Assert.All(tokens, token =>
        {
            Assert.False(Contains(stored, token), $"The token {token[..6]}… is in the database file or its WAL");
            Assert.False(Contains(stored, Uri.UnescapeDataString(token)), $"The token {token[..6]}… is in the database file or its WAL");
        });
    }

    [Fact]
    public async Task Showing_the_confirmation_page_with_its_manage_link_changes_nothing_in_the_database()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var done = BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-10T10:00Z")));
        await site.StartupWritesDoneAsync();
        var before = await ContentsAsync(site.DatabaseFile);

        var first = await client.GetStringAsync(done);
        var again = await client.GetStringAsync(done);

        Assert.Equal(before, await ContentsAsync(site.DatabaseFile));
        var link = SecuritySteps.ManageLink(first);
        // Shown once, as before: after that the link lives in the email, and the page still shows the booking.
        Assert.DoesNotContain(link, again, StringComparison.Ordinal);
        var reference = await site.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Bookings.Select(b => b.Reference)));
        Assert.Contains(reference, again, StringComparison.Ordinal);
    }

    /// <summary>The database file and its write-ahead log as they lie on disk, read while the site still has them open.</summary>
    private static byte[] StoredBytes(string databaseFile)
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { databaseFile, databaseFile + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.CopyTo(all);
        }
        return all.ToArray();
    }

    private static bool Contains(byte[] haystack, string needle) =>
        haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0;

    /// <summary>Every row of every table, as text.</summary>
    private static async Task<string> ContentsAsync(string databaseFile)
    {
        var all = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={databaseFile};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        foreach (var table in (await GetEndpointsTests.RowCountsAsync(databaseFile)).Keys)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                all.Append(table).Append(':');
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    all.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
                }
                all.Append('\n');
            }
        }
        return all.ToString();
    }

    [GeneratedRegex("""(?:/booking/(?:email/)?|[?&]token=)(?<token>[A-Za-z0-9_%-]{20,})""")]
    private static partial Regex EmailedTokenPattern();

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex PhoneKey();

    private static Regex EmailedToken() => EmailedTokenPattern();
}
