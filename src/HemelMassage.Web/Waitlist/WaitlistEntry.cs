using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// A client waiting for an hour that suits: a treatment, a therapist or none, clinic-local dates and times
/// of day or weekdays. Rows are never deleted; <see cref="State"/> says why an entry stopped waiting.
/// </summary>
public sealed class WaitlistEntry
{
    public int Id { get; set; }
    public int TreatmentId { get; set; }
    /// <summary>Null: no preference, any therapist who gives the treatment.</summary>
    public int? TherapistId { get; set; }
    /// <summary>First and last clinic-local day the client could come (both included).</summary>
    public DateOnly FromDate { get; set; }
    public DateOnly ToDate { get; set; }
    /// <summary>The end of <see cref="ToDate"/> in UTC: the entry ends there by itself.</summary>
    public DateTime EndsAtUtc { get; set; }
    /// <summary>None: any time of day.</summary>
    public DayParts Times { get; set; }
    /// <summary>Bit <c>1 &lt;&lt; (int)DayOfWeek</c> per chosen weekday; 0: any day.</summary>
    public int Weekdays { get; set; }
    public required string Name { get; set; }
    /// <summary>Trimmed and lower case, as clients' addresses are kept.</summary>
    public required string Email { get; set; }
    public required string Phone { get; set; }
    public DateTime JoinedAtUtc { get; set; }
    public WaitlistState State { get; set; } = WaitlistState.Waiting;
    /// <summary>When it stopped waiting (booked, left, removed, ended).</summary>
    public DateTime? ClosedAtUtc { get; set; }
    /// <summary>The hash of the token in the confirmation email's leave link (<see cref="Secrets.Hash"/>).</summary>
    public required string LeaveTokenHash { get; set; }
    /// <summary>The booking made by claiming an offer.</summary>
    public int? BookingId { get; set; }
    public List<WaitlistOffer> Offers { get; set; } = [];

    public static int WeekdayBit(DayOfWeek day) => 1 << (int)day;
}

/// <summary>Stored as numbers; the partial indexes name <see cref="Waiting"/> (1).</summary>
public enum WaitlistState
{
    Waiting = 1,
    Booked = 2,
    Left = 3,
    Removed = 4,
    Ended = 5,
}

/// <summary>Times of day by the hour's clinic-local start: mornings before 12:00, afternoons 12:00-16:59, evenings from 17:00.</summary>
[Flags]
public enum DayParts
{
    None = 0,
    Mornings = 1,
    Afternoons = 2,
    Evenings = 4,
}
