using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Admin;

[Trait("Database", "Both")]
public sealed class ClientTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Fact]
    public async Task Reception_finds_a_client_and_sees_their_visits_and_no_shows()
    {
        var id = await site.AddBookingAsync("2026-12-07T07:00Z", email: "vera@example.com", name: "Vera Visits");
        var (owner, _) = await site.SignedInAsAsync("Owner");
        await owner.PostOnBookingAsync(id, "mark/no-show", new() { ["version"] = "0" });
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var list = await reception.GetStringAsync("/admin/clients?q=VERA");
        var clientId = await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "vera@example.com").Select(c => c.Id).SingleAsync());
        var page = await reception.GetStringAsync($"/admin/clients/{clientId}");

        Assert.Contains("Vera Visits", list, StringComparison.Ordinal);
        Assert.Contains("<dt>No-shows</dt><dd>1</dd>", page, StringComparison.Ordinal);
        Assert.Contains($"/admin/bookings/{id}", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_owner_exports_everything_about_a_client_as_json_and_reception_may_not()
    {
        await site.AddBookingAsync("2026-12-21T09:00Z", email: "jason@example.com", name: "Jason Json", note: "Tight calves");
        var clientId = await site.WithDbAsync(db => db.Clients.Where(c => c.Email == "jason@example.com").Select(c => c.Id).SingleAsync());
        var (owner, _) = await site.SignedInAsAsync("Owner");
        var (reception, _) = await site.SignedInAsAsync("Reception");

        var json = System.Text.Json.JsonDocument.Parse(await owner.GetStringAsync($"/admin/clients/{clientId}/export"));

        Assert.Equal("jason@example.com", json.RootElement.GetProperty("Client").GetProperty("Email").GetString());
        Assert.Equal("Tight calves", json.RootElement.GetProperty("Bookings")[0].GetProperty("ClientNote").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync($"/admin/clients/{clientId}/export")).StatusCode);
    }

    [Fact]
    public async Task A_therapist_may_not_open_client_records()
    {
        var sarah = await site.SignedInTherapistAsync(1);

        Assert.Equal(HttpStatusCode.Forbidden, (await sarah.GetAsync("/admin/clients")).StatusCode);
    }

    [Fact]
    public async Task Notes_of_clients_not_seen_for_longer_than_the_retention_period_are_deleted()
    {
        var old = await site.AddBookingAsync("2017-06-05T10:00Z", email: "old@example.com", note: "Old injury");
        var recent = await site.AddBookingAsync("2018-06-04T10:00Z", email: "back@example.com", note: "Knee");
        await site.AddBookingAsync("2026-12-22T14:00Z", email: "back@example.com", note: null);

        await site.Services.GetRequiredService<NoteRetention>().PurgeAsync(CancellationToken.None);

        Assert.Null((await site.BookingAsync(old)).ClientNote);
        Assert.Equal("Knee", (await site.BookingAsync(recent)).ClientNote);
    }
}
