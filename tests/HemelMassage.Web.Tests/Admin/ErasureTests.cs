using System.Net;
using System.Text;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class ErasureTests
{
    [Fact]
    public async Task After_erasing_a_client_their_email_is_nowhere_in_the_database_files_and_the_bookings_stay()
    {
        using var site = new BookingSite();
        const string Email = "erase.me.please@example.com";
        var id = await site.AddBookingAsync("2026-12-08T10:00Z", email: Email, name: "Erin Erasable", note: "Migraines");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        await owner.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Closed" });
        Assert.True(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress == Email)));
        var clientId = (await site.BookingAsync(id)).ClientId;

        var erased = await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/erase", new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var booking = await site.BookingAsync(id);
        Assert.Equal("Erased client", booking.Client!.Name);
        Assert.Null(booking.ClientNote);
        foreach (var file in new[] { site.DatabaseFile, site.DatabaseFile + "-wal", site.DatabaseFile + "-shm" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var memory = new MemoryStream();
            await stream.CopyToAsync(memory);
            var bytes = memory.ToArray();
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(Email)) < 0, $"{Path.GetFileName(file)} still holds the email");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Erin Erasable")) < 0, $"{Path.GetFileName(file)} still holds the name");
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("Migraines")) < 0, $"{Path.GetFileName(file)} still holds the note");
        }
    }

    [Fact]
    public async Task Erasing_a_client_deletes_the_emails_kept_as_files_for_them_and_keeps_everyone_elses()
    {
        using var site = new BookingSite();
        const string Email = "erin.files@example.com";
        var erin = await site.AddBookingAsync("2026-12-08T10:00Z", email: Email, name: "Erin Erasable");
        var other = await site.AddBookingAsync("2026-12-08T12:00Z", email: "keep.me@example.com", name: "Kay Kept");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        foreach (var id in new[] { erin, other })
        {
            await owner.PostOnBookingAsync(id, "cancel", new() { ["Cancel.Version"] = "0", ["Cancel.Reason"] = "Closed" });
        }
        await site.Services.GetRequiredService<OutboxDispatcher>().DispatchOnceAsync();
        var folder = Path.Combine(site.DataDirectory, "mail");
        Assert.Contains(Directory.GetFiles(folder, "*.eml"), f => File.ReadAllText(f).Contains(Email, StringComparison.Ordinal));
        var clientId = (await site.BookingAsync(erin)).ClientId;

        await owner.PostFormAsync($"/admin/clients/{clientId}", $"/admin/clients/{clientId}/erase", new() { ["confirm"] = "true" });

        var left = Directory.GetFiles(folder).Select(File.ReadAllText).ToList();
        Assert.DoesNotContain(left, text => text.Contains(Email, StringComparison.Ordinal) || text.Contains("Erin Erasable", StringComparison.Ordinal));
        Assert.Contains(left, text => text.Contains("keep.me@example.com", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reception_may_not_erase_a_client()
    {
        using var site = new BookingSite();
        var id = await site.AddBookingAsync("2026-12-08T10:00Z", email: "keep@example.com");
        var clientId = (await site.BookingAsync(id)).ClientId;
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var refused = await reception.PostFormAsync("/admin/clients", $"/admin/clients/{clientId}/erase", new() { ["confirm"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("keep@example.com", (await site.BookingAsync(id)).Client!.Email);
    }
}
