using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Diary;

public sealed record DiaryEntry(
    int Id, string Reference, DateTime StartUtc, string Time, string ClientName, string TreatmentName,
    int TherapistId, string TherapistName, BookingStatus Status)
{
    /// <summary>On the day sheet: where it hurts and the flags, for those who may see them; null otherwise.</summary>
    public Intake.SheetIntake? Intake { get; init; }

    /// <summary>On the day sheet: "review the plan or refer" and why, for those who may read health data; null otherwise.</summary>
    public Progress.ReviewPrompt? Review { get; init; }

    /// <summary>The client, for the review prompt (not shown).</summary>
    public int ClientId { get; init; }
}

public sealed record DiaryDay(DateOnly Date, string Title, IReadOnlyList<DiaryEntry> Entries);

public sealed record TherapistOption(int Id, string Name, bool IsActive);

/// <param name="TherapistId">The diary shown: one therapist, or null for the whole clinic.</param>
public sealed record DiaryPage(
    DateOnly Date, bool IsWeek, int? TherapistId, bool MayChooseTherapist,
    IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<DiaryDay> Days)
{
    public DateOnly Previous => Date.AddDays(IsWeek ? -7 : -1);

    public DateOnly Next => Date.AddDays(IsWeek ? 7 : 1);

    public string TodayQuery => TherapistId is int id && MayChooseTherapist ? $"therapist={id}" : "";

    public string Query(DateOnly date) => $"date={date:yyyy-MM-dd}" + (TherapistId is int id && MayChooseTherapist ? $"&therapist={id}" : "");
}

public sealed record BookingDetails(
    int Id, string Reference, int Version, BookingStatus Status, string When, DateTime StartUtc,
    int ClientId, string ClientName, string ClientEmail, string ClientPhone, bool FirstVisit,
    string TreatmentName, int TherapistId, string TherapistName, string? Note, bool NoteHidden,
    IReadOnlyList<BookingChange> Changes)
{
    /// <summary>Made online under an address that already had this record, and not yet proven to be the client's (<see cref="Booking.AwaitsMailboxProof"/>).</summary>
    public bool AwaitsMailboxProof { get; init; }
}

/// <summary>The therapist, date and time of the move form, and a tick box for each usual rule that time breaks.</summary>
public sealed record SlotFields(string Prefix, SlotChoiceForm Form, IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<RuleBox> Rules)
{
    public string Name(string field) => Prefix.Length == 0 ? field : Prefix + "." + field;

    public string Id(string field) => Name(field).Replace('.', '_');
}

public static class StatusText
{
    public static string Of(BookingStatus status) => status switch
    {
        BookingStatus.Booked => "Booked",
        BookingStatus.Cancelled => "Cancelled",
        BookingStatus.Arrived => "Arrived",
        BookingStatus.NoShow => "No-show",
        BookingStatus.LateCancellation => "Late cancellation",
        _ => status.ToString(),
    };
}
