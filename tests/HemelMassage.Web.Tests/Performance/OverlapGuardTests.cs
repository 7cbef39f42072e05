using HemelMassage.Web.Tests.Booking;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// The overlap triggers look back only one hour (every booking is one hour), so an insert stays fast at a
/// million bookings; these cases prove the bound loses nothing on either side of an existing booking.
/// A site for each case: each needs a table holding only the one existing booking it writes by hand.
/// </summary>
public sealed class OverlapGuardTests
{
    [Theory]
    [InlineData("2026-12-08 09:01:00", false)]
    [InlineData("2026-12-08 09:59:00", false)]
    [InlineData("2026-12-08 10:00:00", false)]
    [InlineData("2026-12-08 10:59:00", false)]
    [InlineData("2026-12-08 09:00:00", true)]
    [InlineData("2026-12-08 11:00:00", true)]
    public async Task A_booking_overlapping_an_existing_hour_from_before_or_after_is_refused(string start, bool allowed)
    {
        using var site = new BookingSite();
        _ = site.CreatePageClient();
        await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO Clients (Name, Email, Phone, FirstVisit, CreatedAtUtc) VALUES ('A', 'a@example.com', '07700900123', 1, '2026-12-01 00:00:00')"));
        await site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert("2026-12-08 10:00:00", "EXISTING")));

        var insert = () => site.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Insert(start, "NEW")));

        if (allowed)
        {
            Assert.Equal(1, await insert());
        }
        else
        {
            await Assert.ThrowsAnyAsync<Exception>(insert);
        }
    }

    private static string Insert(string start, string reference) =>
        "INSERT INTO Appointments (Reference, TherapistId, TreatmentId, ClientId, StartUtc, EndUtc, Status, FirstVisit, IdempotencyKey, ManageTokenHash, CalendarUid, CalendarSequence, CreatedAtUtc, UpdatedAtUtc, Version) " +
        $"VALUES ('{reference}', 1, 1, 1, '{start}', strftime('%Y-%m-%d %H:%M:%S', '{start}', '+60 minutes'), 1, 1, '{reference}', '{reference}', '{Guid.NewGuid()}', 0, '2026-12-01 00:00:00', '2026-12-01 00:00:00', 0)";
}
