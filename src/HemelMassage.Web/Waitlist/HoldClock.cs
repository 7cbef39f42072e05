using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// When a hold offered now ends: <see cref="WaitlistOptions.HoldFor"/> of the clinic's waking hours (08:00-21:00
/// clinic time by default), so an offer made at 20:50 runs 10 minutes that evening and 20 the next morning, to
/// 08:20. It never runs past the last moment the hour may be booked online (its start less the minimum notice).
/// </summary>
public sealed class HoldClock(IOptions<WaitlistOptions> options, IOptions<BookingOptions> booking)
{
    /// <summary>
    /// How long after a hold ends the job waits before passing it on. A claim counts from the moment it was posted,
    /// and one posted just in time may still be queued for the write lock behind the job (up to the database's
    /// command timeout, 30 s on PostgreSQL, 10 s on SQLite); passing the hour on only after this leaves it that
    /// claim's, whichever instance runs the job, and never offers it to the next entry meanwhile.
    /// </summary>
    public static readonly TimeSpan ClaimGrace = TimeSpan.FromMinutes(1);

    /// <returns>Null when the hour can no longer be booked online, so there is nothing to hold.</returns>
    public DateTime? HeldUntil(DateTime nowUtc, DateTime startUtc)
    {
        var lastChance = startUtc - booking.Value.MinimumNotice;
        if (lastChance <= nowUtc)
        {
            return null;
        }
        var end = Add(nowUtc, options.Value.HoldFor);
        return end < lastChance ? end : lastChance;
    }

    /// <summary>"30 minutes", for pages and emails.</summary>
    public string HoldText => Durations.Say(options.Value.HoldFor);

    /// <summary>"08:00 to 21:00", for pages and emails.</summary>
    public string WakingText => $"{options.Value.WakingFrom:HH\\:mm} and {options.Value.WakingUntil:HH\\:mm}";

    private DateTime Add(DateTime fromUtc, TimeSpan length)
    {
        var settings = options.Value;
        var at = fromUtc;
        var left = length;
        // A day's waking span in UTC is computed from its local bounds, so a clock-change night shortens nothing.
        for (var day = DateOnly.FromDateTime(ClinicTime.ToLocal(fromUtc)); ; day = day.AddDays(1))
        {
            var opens = ClinicTime.ToUtc(day.ToDateTime(settings.WakingFrom));
            var closes = ClinicTime.ToUtc(day.ToDateTime(settings.WakingUntil));
            if (at < opens)
            {
                at = opens;
            }
            if (at >= closes)
            {
                continue;
            }
            if (closes - at >= left)
            {
                return at + left;
            }
            left -= closes - at;
            at = closes;
        }
    }
}
