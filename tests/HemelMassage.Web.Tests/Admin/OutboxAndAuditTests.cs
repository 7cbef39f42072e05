using System.Net;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class OutboxAndAuditTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task The_owner_sees_a_failed_email_with_its_error_and_sends_it_again()
    {
        var id = await site.WithDbAsync(async db =>
        {
            var message = db.OutboxMessages.Add(new OutboxMessage
            {
                MessageId = Guid.NewGuid() + "@test", ToAddress = "bounce@example.com", Subject = "Your booking", TextBody = "x", HtmlBody = "x",
                Status = OutboxStatus.Failed, Attempts = 8, LastError = "550 mailbox unavailable", NextAttemptAt = BookingSite.Monday.UtcDateTime,
            }).Entity;
            await db.SaveChangesAsync();
            return message.Id;
        });
        var (owner, _) = await site.SignedInAsAsync("Owner");

        Assert.Contains("550 mailbox unavailable", await owner.GetStringAsync("/admin/emails"), StringComparison.Ordinal);
        await owner.PostFormAsync("/admin/emails", $"/admin/emails/{id}/resend", new());

        Assert.NotEqual(OutboxStatus.Failed, await site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync()));
        Assert.Contains("email.resend", await owner.GetStringAsync("/admin/audit"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/emails")]
    [InlineData("/admin/audit")]
    public async Task Reception_may_not_open_the_outbox_or_the_audit_log(string path)
    {
        var (reception, _) = await site.SignedInAsAsync("Reception");

        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync(path)).StatusCode);
    }
}
