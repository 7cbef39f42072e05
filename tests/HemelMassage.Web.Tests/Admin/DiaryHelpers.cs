using System.Net;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>Bookings written straight to the database, and staff linked to a therapist, for the diary tests.</summary>
public static class DiaryHelpers
{
    public static Task<int> AddBookingAsync(this BookingSite site, string start, int therapistId = 1, string email = "ann@example.com", string name = "Ann Client", string? note = "Lower back, left side") =>
        site.WithDbAsync(async db =>
        {
            var client = await db.Clients.FirstOrDefaultAsync(c => c.Email == email)
                ?? db.Clients.Add(new Client { Name = name, Email = email, Phone = "07700 900123", CreatedAtUtc = BookingSite.Monday.UtcDateTime }).Entity;
            var booking = new Bookings.Booking
            {
                Reference = Secrets.NewReference(), TherapistId = therapistId, TreatmentId = 1, Client = client, ClientNote = note,
                IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
                CreatedAtUtc = BookingSite.Monday.UtcDateTime, UpdatedAtUtc = BookingSite.Monday.UtcDateTime,
            };
            booking.Move(BookingSite.Utc(start));
            booking.Changes.Add(new BookingChange { AtUtc = BookingSite.Monday.UtcDateTime, By = "client", What = "Booked online" });
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });

    public static async Task<HttpClient> SignedInTherapistAsync(this BookingSite site, int therapistId)
    {
        var (client, user) = await site.SignedInAsAsync("Therapist");
        await site.WithDbAsync(async db =>
        {
            var row = await db.Users.SingleAsync(u => u.Id == user.Id);
            row.TherapistId = therapistId;
            return await db.SaveChangesAsync();
        });
        return client;
    }

    public static Task<Bookings.Booking> BookingAsync(this BookingSite site, int id) =>
        site.WithDbAsync(db => db.Bookings.Include(a => a.Changes).Include(a => a.Client).AsNoTracking().SingleAsync(a => a.Id == id));

    public static Task<HttpResponseMessage> PostOnBookingAsync(this HttpClient client, int id, string action, Dictionary<string, string> fields) =>
        client.PostFormAsync($"/admin/bookings/{id}", $"/admin/bookings/{id}/{action}", fields);

    public static async Task<string> FollowAsync(this HttpClient client, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return WebUtility.HtmlDecode(await client.GetStringAsync(response.Headers.Location!.OriginalString));
    }
}
