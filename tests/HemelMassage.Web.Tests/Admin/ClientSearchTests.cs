using System.Net;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class ClientSearchTests(BookingSite site) : IClassFixture<BookingSite>
{
    private Task<int> AddClientAsync(string name, string email, string phone) => site.WithDbAsync(async db =>
    {
        if (!await db.Clients.AnyAsync(c => c.Email == email))
        {
            db.Clients.Add(new Client { Name = name, Email = email, Phone = phone, CreatedAtUtc = BookingSite.Monday.UtcDateTime });
        }
        return await db.SaveChangesAsync();
    });

    [Theory]
    [InlineData("07700900555")]
    [InlineData("07700 900555")]
    [InlineData("+44 7700 900555")]
    [InlineData("+44 (0)7700 900-555")]
    [InlineData("0770090")]
    public async Task The_phone_search_finds_a_client_however_the_number_is_spaced(string typed)
    {
        await AddClientAsync("Priya Phone", "priya@example.com", "07700 900555");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var fragment = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/bookings/new/clients?q=" + Uri.EscapeDataString(typed)));
        var list = WebUtility.HtmlDecode(await reception.GetStringAsync("/admin/clients?q=" + Uri.EscapeDataString(typed)));

        Assert.Contains("Book for Priya Phone", fragment, StringComparison.Ordinal);
        Assert.Contains("Priya Phone", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_is_found_by_a_booking_reference_in_any_case_and_by_part_of_their_name()
    {
        var id = await site.AddBookingAsync("2026-12-15T10:00Z", email: "rita@example.com", name: "Rita Reference");
        var reference = (await site.BookingAsync(id)).Reference;
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var byReference = await reception.GetStringAsync("/admin/clients?q=" + reference.ToLowerInvariant());
        var byName = await reception.GetStringAsync("/admin/bookings/new?q=REFER");
        var nobody = await reception.GetStringAsync("/admin/bookings/new/clients?q=HM-ZZZZZ9");

        Assert.Contains("Rita Reference", byReference, StringComparison.Ordinal);
        Assert.Contains("Book for Rita Reference", byName, StringComparison.Ordinal);
        Assert.Contains("No client matches", nobody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_search_finds_the_client_whatever_case_is_typed()
    {
        await AddClientAsync("Ellie Email", "ellie.email@example.com", "01442 111111");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var fragment = await reception.GetStringAsync("/admin/bookings/new/clients?q=Ellie.Email@");

        Assert.Contains("Book for Ellie Email", fragment, StringComparison.Ordinal);
    }
}
