namespace HemelMassage.Web.Plans;

/// <summary>
/// The schedulable half of a visit's plan: <see cref="Visits"/> more visits, one every <see cref="EveryWeeks"/> weeks,
/// set after the visit by its therapist or the Owner. One row per booking; the latest one of a client is the plan in
/// force. Not health data (no symptom, no finding), but shown to staff only.
/// </summary>
public sealed class TreatmentPlan
{
    public int BookingId { get; set; }
    public int Visits { get; set; }
    public int EveryWeeks { get; set; }
    public DateTime SetAtUtc { get; set; }
    public required string SetBy { get; set; }
}

/// <summary>The plan's limits, stated once for the form, its messages, the database check and the docs.</summary>
public static class PlanRules
{
    public const int MaxVisits = 20;
    public const int MaxWeeks = 26;

    /// <summary>A client is "due" once the planned date is this close, or past.</summary>
    public static readonly TimeSpan DueWithin = TimeSpan.FromDays(7);

    /// <summary>The follow-up offers free hours no further than this from the planned date.</summary>
    public static readonly TimeSpan Nearness = TimeSpan.FromDays(7);

    public const int OfferedHours = 3;

    public static string Describe(int visits, int everyWeeks) =>
        $"{visits} more {(visits == 1 ? "visit" : "visits")}, every {(everyWeeks == 1 ? "week" : everyWeeks + " weeks")}";
}
