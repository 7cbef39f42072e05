using HemelMassage.Web.Treatments;

namespace HemelMassage.Web.Therapists;

/// <summary>A therapist clients can book. Inactive therapists keep their history but take no new bookings.</summary>
public sealed class Therapist
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string Bio { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }
    public List<Treatment> Treatments { get; set; } = [];
    public List<WorkingHours> Hours { get; set; } = [];
    public List<TimeOff> TimeOff { get; set; } = [];
}

/// <summary>
/// One range of a weekly working day in clinic local time. Several ranges on one day leave breaks
/// between them; a slot must fit wholly inside one range.
/// </summary>
public sealed class WorkingHours
{
    public int Id { get; set; }
    public int TherapistId { get; set; }
    public DayOfWeek Day { get; set; }
    public TimeOnly Start { get; set; }
    public TimeOnly End { get; set; }
}

/// <summary>Holiday, sickness or training: the therapist takes no bookings between these instants.</summary>
public sealed class TimeOff
{
    public int Id { get; set; }
    public int TherapistId { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public string Reason { get; set; } = "";
}
