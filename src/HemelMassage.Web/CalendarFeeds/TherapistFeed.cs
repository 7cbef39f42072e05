using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.CalendarFeeds;

/// <summary>
/// What a therapist's calendar app shows: their bookings from now to <see cref="Window"/> ahead, each as the
/// client's first name and the treatment. A phone calendar is synced to other services and shown on lock
/// screens, so nothing else of the client goes in: no surname, email, phone, notes or health answers.
/// </summary>
public sealed class TherapistFeed(ClinicDbContext db, TimeProvider clock, BookingCalendar calendar, ClinicOptions clinic)
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(60);

    // Cancelled and late-cancelled bookings are left out, so the calendar app removes them at its next fetch.
    private static readonly BookingStatus[] Shown = [BookingStatus.Booked, BookingStatus.Arrived, BookingStatus.NoShow];

    public async Task<string> IcsAsync(int therapistId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + Window;
        var name = await db.Therapists.Where(t => t.Id == therapistId).Select(t => t.Name).SingleAsync(cancellationToken);
        // An hour under way stays until it ends, so the therapist still sees whom they are with.
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.TherapistId == therapistId && Shown.Contains(b.Status) && b.EndUtc > now && b.StartUtc < until)
            .OrderBy(b => b.StartUtc)
            .Select(b => new { b.CalendarUid, b.CalendarSequence, b.StartUtc, b.EndUtc, Client = b.Client!.Name, Treatment = b.Treatment!.Name })
            .ToListAsync(cancellationToken);
        return calendar.Feed($"{name}'s bookings at {clinic.Name}",
            rows.Select(r => new FeedEvent(r.CalendarUid, r.CalendarSequence, r.StartUtc, r.EndUtc, $"{FirstName(r.Client)}: {r.Treatment}")));
    }

    /// <summary>The first word of the name as the client typed it; "Client" for a name with nothing in it.</summary>
    public static string FirstName(string name)
    {
        var trimmed = name.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        return trimmed.Length == 0 ? "Client" : space < 0 ? trimmed : trimmed[..space];
    }
}
