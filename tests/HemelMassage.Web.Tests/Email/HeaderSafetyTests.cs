using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Email;

public sealed class HeaderSafetyTests
{
    [Fact]
    public async Task A_name_with_line_breaks_cannot_add_a_header_or_a_recipient()
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);
        var notice = Notices.Booking(name: "Eve\r\nBcc: victim@example.org\r\nX-Injected: yes");

        site.Notify((n, db) => n.Booked(db, notice));
        await site.DispatchUntilIdleAsync();

        Assert.Equal(2, smtp.Messages.Count);
        var confirmation = smtp.Messages.Single(m => m.To.Mailboxes.Single().Address == "ann@example.com");
        Assert.Null(confirmation.Headers["X-Injected"]);
        Assert.Empty(confirmation.Bcc);
        Assert.Single(confirmation.To);
        Assert.DoesNotContain(smtp.Messages.SelectMany(m => m.Headers), h => h.Field == "X-Injected" || h.Field == "Bcc");
        Assert.DoesNotContain("victim@example.org", string.Join(",", smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(a => a.Address)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ann@example.com\r\nBcc: victim@example.org")]
    [InlineData("ann@example.com, victim@example.org")]
    [InlineData("not an address")]
    public async Task An_unusable_address_fails_its_own_row_at_once_and_nothing_else(string address)
    {
        await using var smtp = new TestSmtpServer();
        using var site = new EmailSite(smtp.Port);

        site.Notify((n, db) =>
        {
            n.Booked(db, Notices.Booking(id: 1, email: address));
            n.Booked(db, Notices.Booking(id: 2, email: "bob@example.com"));
        });
        await site.DispatchUntilIdleAsync();

        var bad = Assert.Single(site.Rows(), r => r.Status == OutboxStatus.Failed);
        Assert.Equal((EmailKind.Confirmation, 1, 1), (bad.Kind, bad.BookingId, bad.Attempts));
        Assert.Contains("Not a valid email address", bad.LastError, StringComparison.Ordinal);
        Assert.Equal(3, smtp.Messages.Count);
        Assert.DoesNotContain(smtp.Messages.SelectMany(m => m.To.Mailboxes.Concat(m.Bcc.Mailboxes)), a => a.Address == "victim@example.org");
    }
}
