namespace HemelMassage.Web.Reports;

/// <summary>What happened to the hours booked in a period. Cancelled in time: the hour was freed and offered again.</summary>
public sealed record Outcomes(int Attended, int NoShows, int LateCancellations, int NotYetMarked, int CancelledInTime)
{
    /// <summary>Every booking for an hour in the period except those cancelled in time.</summary>
    public int Bookings => Attended + NoShows + LateCancellations + NotYetMarked;

    public double? Rate(int count) => Bookings == 0 ? null : (double)count / Bookings;
}

/// <summary>Money in pence, from each booking's price when it was made.</summary>
public sealed record Income(long AttendedPence, long NotYetMarkedPence, long LostPence);

public sealed record TherapistUse(string Name, TimeSpan Booked, TimeSpan Working)
{
    public double? Rate => Working > TimeSpan.Zero ? Booked / Working : null;
}

public sealed record ClientCounts(int New, int Returning)
{
    public int Total => New + Returning;
}

public sealed record ReportFigures(ReportPeriod Period, Outcomes Outcomes, Income Income, IReadOnlyList<TherapistUse> Therapists, ClientCounts Clients);
