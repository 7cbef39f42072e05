using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// The cancellation cut-off (<c>Booking:CancellationCutoff</c>) as every page and email states it, so no text
/// can promise more than the manage page allows. Online changes stop <see cref="Cutoff"/> before the start.
/// </summary>
public sealed class CancellationRule(IOptions<BookingOptions> options, TimeProvider clock)
{
    public TimeSpan Cutoff => options.Value.CancellationCutoff;

    /// <summary>"48 hours".</summary>
    public string CutoffText => Durations.Say(Cutoff);

    public DateTime LastChangeUtc(DateTime startUtc) => startUtc - Cutoff;

    /// <summary>True while a booking starting then may still be moved or cancelled online.</summary>
    public bool CanChangeOnline(DateTime startUtc) => options.Value.CanChangeOnline(startUtc, clock.GetUtcNow().UtcDateTime);

    /// <summary>"up to 48 hours before it starts".</summary>
    public string UpTo => Cutoff == TimeSpan.Zero ? "until it starts" : $"up to {CutoffText} before it starts";

    /// <summary>"48 hours before it starts".</summary>
    public string Before => Cutoff == TimeSpan.Zero ? "when it starts" : $"{CutoffText} before it starts";

    /// <summary>"less than 48 hours away": why a booking can no longer be changed online.</summary>
    public string Inside => Cutoff == TimeSpan.Zero ? "about to start" : $"less than {CutoffText} away";
}
