using System.ComponentModel.DataAnnotations;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Bookings;

/// <summary>The booking rules the clinic may tune (section <c>Booking</c>); checked at startup.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    /// <summary>The start-time grid begins here each day and steps by <see cref="SlotInterval"/>.</summary>
    public TimeOnly FirstStart { get; set; } = new(9, 0);
    [Range(typeof(TimeSpan), "00:05:00", "04:00:00")] public TimeSpan SlotInterval { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>Kept free after (and before) each booking for the therapist to reset the room.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "02:00:00")] public TimeSpan Changeover { get; set; } = TimeSpan.FromMinutes(15);
    [Range(typeof(TimeSpan), "00:00:00", "14.00:00:00")] public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(2);
    [Range(typeof(TimeSpan), "1.00:00:00", "730.00:00:00")] public TimeSpan MaximumWindow { get; set; } = TimeSpan.FromDays(60);
    /// <summary>Clients may change or cancel online until this long before the start; after it they phone.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "14.00:00:00")] public TimeSpan CancellationCutoff { get; set; } = TimeSpan.FromHours(24);
    /// <summary>How long a booking being filled in is kept on the server.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")] public TimeSpan PendingLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>Bookings still to come one email address may hold online; beyond it the client phones the clinic.</summary>
    [Range(1, 100)] public int MaxOpenBookingsPerEmail { get; set; } = 3;

    /// <summary>Online changes stop at the cut-off; after it the client phones and staff decide.</summary>
    public bool CanChangeOnline(DateTime startUtc, DateTime nowUtc) => nowUtc < startUtc - CancellationCutoff;

    /// <summary>The clinic's time zone: one for the whole site, so availability, emails and the diary agree.</summary>
    public TimeZoneInfo Zone => ClinicTime.Zone;
}
