using System.Net;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>/admin/emails: every email findable. Each test writes its own client's emails and searches for them alone.</summary>
[Trait("Database", "Both")]
public sealed class EmailsPageTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task An_email_is_found_by_booking_reference_by_address_in_any_case_and_by_part_of_the_clients_name()
    {
        var booking = await site.BookingAsync(await site.AddBookingAsync("2026-12-14T10:00Z", therapistId: 2, email: "gwen.find@example.com", name: "Gwen Findlay"));
        await AddEmailAsync("gwen.find@example.com", "Gwen Findlay", "Booking confirmed: Gwen's hour", OutboxStatus.Sent, booking.Id);
        await AddEmailAsync("someone.else@example.com", "Sam Else", "Booking confirmed: Sam's hour", OutboxStatus.Sent);
        var (owner, _) = await site.SignedInAsAsync("Owner");

        foreach (var query in new[] { booking.Reference, booking.Reference.ToLowerInvariant()[3..], "GWEN.FIND@Example.com", "findlay" })
        {
            var page = WebUtility.HtmlDecode(await owner.GetStringAsync("/admin/emails?q=" + Uri.EscapeDataString(query)));

            Assert.Contains("Booking confirmed: Gwen's hour", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Sam's hour", page, StringComparison.Ordinal);
            Assert.Contains("Sent Mon 7 Dec, 08:00", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Failed_emails_come_first_then_waiting_ones_then_sent_ones()
    {
        await AddEmailAsync("order.failed@example.com", "Olga Order", "Order test: failed", OutboxStatus.Failed, error: "550 no such user");
        // Waiting for its next attempt in an hour, so no dispatch in another test sends it meanwhile.
        await AddEmailAsync("order.waiting@example.com", "Olga Order", "Order test: waiting", OutboxStatus.Pending, next: TimeSpan.FromHours(1));
        await AddEmailAsync("order.sent@example.com", "Olga Order", "Order test: sent", OutboxStatus.Sent);
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var page = await owner.GetStringAsync("/admin/emails?q=olga+order");

        var failed = page.IndexOf("Order test: failed", StringComparison.Ordinal);
        var waiting = page.IndexOf("Order test: waiting", StringComparison.Ordinal);
        var sent = page.IndexOf("Order test: sent", StringComparison.Ordinal);
        Assert.True(failed >= 0 && failed < waiting && waiting < sent, $"failed at {failed}, waiting at {waiting}, sent at {sent}");
        Assert.Contains("550 no such user", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_email_links_to_the_clients_record_and_is_sent_again_with_its_link_whole()
    {
        var booking = await site.BookingAsync(await site.AddBookingAsync("2026-12-14T12:00Z", therapistId: 2, email: "bad.address@example.com", name: "Bea Bounced"));
        const string Token = "sealedTokenForTheResendTest0123456789abcdefg";
        var id = await AddEmailAsync("bad.address@example.com", "Bea Bounced", "Your booking link", OutboxStatus.Failed, booking.Id,
            error: "550 mailbox unavailable", body: $"Manage it: https://hemelmassage.example/booking/{Token}");
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var page = await owner.GetStringAsync("/admin/emails?q=bea+bounced");
        // The address is fixed on the client's edit page, which comes back here to send again.
        Assert.Contains($"href=\"/admin/clients/{booking.ClientId}/edit?return=%2Fadmin%2Femails", page, StringComparison.Ordinal);

        var resent = await owner.PostFormAsync("/admin/emails?q=bea+bounced", $"/admin/emails/{id}/resend", new() { ["q"] = "bea bounced" });

        Assert.Contains("The email is queued to be sent again.", await owner.FollowAsync(resent), StringComparison.Ordinal);
        Assert.True(await site.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "email.resend" && e.Subject == $"outbox {id}")));
        await site.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();
        Assert.Equal(OutboxStatus.Sent, await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Contains(Directory.GetFiles(Path.Combine(site.DataDirectory, "mail"), "*.eml"), f => File.ReadAllText(f).Contains(Token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_emails_make_a_page_and_the_rest_are_on_the_next()
    {
        for (var i = 0; i < EmailSearch.PageSize + 3; i++)
        {
            await AddEmailAsync($"pager{i}@example.com", "Paula Pager", $"Pager test {i:00}", OutboxStatus.Sent);
        }
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var first = await owner.GetStringAsync("/admin/emails?q=paula+pager");
        var second = await owner.GetStringAsync("/admin/emails?q=paula+pager&page=2");

        Assert.Contains("53 emails matching", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        Assert.Contains("Pager test 52", first, StringComparison.Ordinal);
        Assert.DoesNotContain("Pager test 02", first, StringComparison.Ordinal);
        Assert.Contains("Pager test 00", second, StringComparison.Ordinal);
        Assert.Contains("Previous page", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_old_outbox_address_moves_permanently_to_the_emails_page()
    {
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var response = await owner.GetAsync("/admin/outbox");

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/admin/emails", response.Headers.Location!.OriginalString);
    }

    private Task<int> AddEmailAsync(string to, string name, string subject, OutboxStatus status, int? bookingId = null, string? error = null, string body = "Hello", TimeSpan next = default)
    {
        var now = site.Clock.GetUtcNow().UtcDateTime;
        return site.WithDbAsync(async db =>
        {
            var secrets = site.Services.GetRequiredService<OutboxSecrets>();
            var row = secrets.Seal(new OutboxMessage
            {
                MessageId = Guid.NewGuid() + "@test", Kind = EmailKind.Confirmation, BookingId = bookingId, ToAddress = to, ToName = name,
                Subject = subject, TextBody = body, HtmlBody = $"<p>{body}</p>", Status = status, Attempts = status == OutboxStatus.Failed ? 8 : 1,
                LastError = error, NextAttemptAt = now + next, CreatedAt = now, SentAt = status == OutboxStatus.Sent ? now : null,
            }, OutboxSecrets.TokenOf(body.Contains("/booking/", StringComparison.Ordinal) ? body : null));
            db.OutboxMessages.Add(row);
            await db.SaveChangesAsync();
            return row.Id;
        });
    }
}
