using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.ManageBooking;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Account;

/// <summary>One visit as the client sees it on their page.</summary>
/// <param name="CanChange">Open and before the cut-off: the same rule as the emailed manage link (<see cref="ManageBookings.CanChange"/>).</param>
public sealed record AccountVisit(string Reference, string Treatment, string Therapist, string When, string Status, bool CanChange, string BookAgainUrl);

/// <summary>A place on the waitlist, in words, with its id for the leave button.</summary>
public sealed record AccountWaiting(int Id, string Wanted, string When);

public sealed record AccountBookingsView(IReadOnlyList<AccountVisit> Upcoming, IReadOnlyList<AccountVisit> Past, IReadOnlyList<AccountWaiting> Waiting, string Cutoff, string? Message);

/// <summary>
/// The signed-in client's visits. A booking made online under their address that waits for proof of the mailbox
/// (<see cref="Booking.AwaitsMailboxProof"/>) is not theirs to see yet.
/// </summary>
public sealed class AccountBookings(ClinicDbContext db, ManageBookings manage, SlotText text, TimeProvider clock)
{
    /// <summary>Past visits shown; the clinic has the rest.</summary>
    public const int PastShown = 20;

    public async Task<(List<AccountVisit> Upcoming, List<AccountVisit> Past)> ListAsync(int clientId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var mine = Of(clientId).Include(a => a.Treatment).Include(a => a.Therapist).AsNoTracking();
        var upcoming = await mine.Where(a => a.Status == BookingStatus.Booked && a.StartUtc > now).OrderBy(a => a.StartUtc).ToListAsync(cancellationToken);
        var past = await mine.Where(a => !(a.Status == BookingStatus.Booked && a.StartUtc > now)).OrderByDescending(a => a.StartUtc).Take(PastShown).ToListAsync(cancellationToken);
        return ([.. upcoming.Select(Visit)], [.. past.Select(Visit)]);
    }

    /// <summary>The client's own booking by its reference, tracked (the manage rules change the row they find); null for anyone else's.</summary>
    public Task<Booking?> FindAsync(int clientId, string? reference, CancellationToken cancellationToken) =>
        reference is null ? Task.FromResult<Booking?>(null)
            : Of(clientId).Include(a => a.Client).Include(a => a.Treatment).Include(a => a.Therapist).FirstOrDefaultAsync(a => a.Reference == reference, cancellationToken);

    private IQueryable<Booking> Of(int clientId) => db.Bookings.Where(a => a.ClientId == clientId && !a.AwaitsMailboxProof);

    private AccountVisit Visit(Booking booking) => new(
        booking.Reference, booking.Treatment!.Name, booking.Therapist!.Name, text.Range(booking.StartUtc),
        booking.Status == BookingStatus.Booked && !manage.IsOpen(booking) ? "Past" : Diary.StatusText.Of(booking.Status),
        manage.CanChange(booking), BookAgainUrl(booking));

    /// <summary>The booking flow's times step with the same treatment and therapist chosen; the details step fills in the rest.</summary>
    public static string BookAgainUrl(Booking booking) =>
        $"/book/times?treatment={Uri.EscapeDataString(booking.Treatment!.Slug)}&therapist={TherapistChoice.Format(booking.TherapistId)}";
}
