using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>Every admin form, sent with every box empty, answers in the site's words: never MVC's defaults, never a 500.</summary>
public sealed partial class AdminFormSweepTests(BookingSite site) : IClassFixture<BookingSite>
{
    private static readonly string[] FrameworkWords = ["field is required", "is invalid.", "The value '", "The field ", "must be a number"];

    [Fact]
    public async Task Every_admin_form_posted_empty_answers_in_the_sites_words_and_never_fails()
    {
        var bookingId = await site.AddBookingAsync("2026-12-07T07:00Z", therapistId: 2, email: "sweep@example.com");
        var clientId = (await site.BookingAsync(bookingId)).ClientId;
        await site.CreateStaffAsync("Reception");
        await site.WithDbAsync(db =>
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.NewGuid() + "@test", ToAddress = "sweep@example.com", Subject = "Sweep", TextBody = "x", HtmlBody = "x",
                Status = OutboxStatus.Failed, NextAttemptAt = BookingSite.Monday.UtcDateTime, CreatedAt = BookingSite.Monday.UtcDateTime,
            });
            return db.SaveChangesAsync();
        });
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var sent = new List<string>();

        foreach (var path in new[]
        {
            "/admin/therapists/new", "/admin/therapists/1", "/admin/treatments/new", "/admin/treatments/1", "/admin/closures",
            $"/admin/bookings/{bookingId}", "/admin/bookings/new", $"/admin/clients/{clientId}", "/admin/clients", "/admin/staff",
            "/admin/account", "/admin/emails", "/admin/diary", "/admin/bookings/export", "/admin/audit",
        })
        {
            var html = await owner.GetStringAsync(path);
            foreach (Match form in FormPattern().Matches(html))
            {
                var (attributes, body) = (form.Groups[1].Value, form.Groups[2].Value);
                var action = WebUtility.HtmlDecode(ActionPattern().Match(attributes).Groups[1].Value);
                // Signing out or disabling an account would end the walk, not test a message.
                if (action.Length == 0 || action.EndsWith("/sign-out", StringComparison.Ordinal) || action.EndsWith("/disable", StringComparison.Ordinal))
                {
                    continue;
                }
                var empty = NamePattern().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(n => n != Forms.TokenField)
                    .Distinct().Select(n => KeyValuePair.Create(n, "")).ToList();
                var response = attributes.Contains("method=\"get\"", StringComparison.OrdinalIgnoreCase)
                    ? await owner.GetAsync(action + "?" + string.Join("&", empty.Select(f => Uri.EscapeDataString(f.Key) + "=")))
                    : await owner.PostWithTokenAsync(action, Forms.Token(html), empty);
                sent.Add(action);

                var answer = await ReadAnswerAsync(owner, response, action);
                Assert.All(FrameworkWords, words => Assert.DoesNotContain(words, answer, StringComparison.Ordinal));
            }
        }

        Assert.Contains("/admin/therapists/new", sent);
        Assert.Contains($"/admin/bookings/{bookingId}/cancel", sent);
        Assert.Contains("/admin/closures", sent);
        Assert.Contains("/admin/staff/invite", sent);
    }

    [Fact]
    public async Task A_therapist_is_added_without_a_bio_since_the_bio_is_optional()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var form = await owner.GetStringAsync("/admin/therapists/new");
        var response = await owner.PostFormAsync("/admin/therapists/new", "/admin/therapists/new", new() { ["Details.Name"] = "Tess Nobio", ["Details.Bio"] = "" });

        Assert.Contains("Bio (optional", form, StringComparison.Ordinal);
        Assert.Contains(" required", Regex.Match(form, "<input [^>]*name=\"Details.Name\"[^>]*>").Value, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("", await site.WithDbAsync(db => db.Therapists.Where(t => t.Name == "Tess Nobio").Select(t => t.Bio).SingleAsync()));
    }

    private static async Task<string> ReadAnswerAsync(HttpClient client, HttpResponseMessage response, string action)
    {
        Assert.True((int)response.StatusCode < 500, $"{action} answered {(int)response.StatusCode}");
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && response.Headers.Location is { } location
            && location.OriginalString.StartsWith("/admin", StringComparison.Ordinal))
        {
            var next = await client.GetAsync(location.OriginalString);
            Assert.True((int)next.StatusCode < 500, $"{action}, then {location}, answered {(int)next.StatusCode}");
            text = await next.Content.ReadAsStringAsync();
        }
        return WebUtility.HtmlDecode(text);
    }

    [GeneratedRegex("<form\\b([^>]*)>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("action=\"([^\"]*)\"")]
    private static partial Regex ActionPattern();

    [GeneratedRegex("<(?:input|select|textarea)\\b[^>]*\\bname=\"([^\"]+)\"")]
    private static partial Regex NamePattern();
}
