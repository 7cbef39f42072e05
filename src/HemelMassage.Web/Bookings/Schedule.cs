namespace HemelMassage.Web.Bookings;

/// <summary>Everything about who works when that changes rarely; cached by <see cref="ScheduleCache"/>.</summary>
public sealed record Schedule(
    IReadOnlyList<TherapistSchedule> Therapists,
    IReadOnlyList<ClosureDates> Closures,
    IReadOnlyList<TreatmentChoice> Treatments)
{
    public TreatmentChoice? Treatment(string? slug) =>
        Treatments.FirstOrDefault(t => string.Equals(t.Slug, slug, StringComparison.OrdinalIgnoreCase));

    public TreatmentChoice? Treatment(int id) => Treatments.FirstOrDefault(t => t.Id == id);

    public TherapistSchedule? Therapist(int id) => Therapists.FirstOrDefault(t => t.Id == id);

    public IEnumerable<TherapistSchedule> Giving(int treatmentId) => Therapists.Where(t => t.TreatmentIds.Contains(treatmentId));

    public bool IsClosed(DateOnly localDate) => Closures.Any(c => c.From <= localDate && localDate <= c.To);
}

public sealed record TherapistSchedule(
    int Id,
    string Name,
    string Bio,
    IReadOnlySet<int> TreatmentIds,
    IReadOnlyList<WeeklyRange> Hours,
    IReadOnlyList<BusyRange> TimeOff);

public sealed record WeeklyRange(DayOfWeek Day, TimeOnly Start, TimeOnly End);

public sealed record ClosureDates(DateOnly From, DateOnly To);

public sealed record TreatmentChoice(int Id, string Slug, string Name, string Suits, int PricePence);

/// <summary>A stretch of a therapist's time that is taken, in UTC.</summary>
public readonly record struct BusyRange(int TherapistId, DateTime StartUtc, DateTime EndUtc);

/// <summary>A bookable hour and the therapists free for it.</summary>
public sealed record Slot(DateTime StartUtc, DateOnly LocalDate, TimeOnly LocalStart, TimeOnly LocalEnd, IReadOnlyList<int> TherapistIds)
{
    public DateTime EndUtc => TreatmentLength.EndOf(StartUtc);

    /// <summary>The form value of this slot: its UTC start to the minute.</summary>
    public string Value => SlotValue.Format(StartUtc);
}
