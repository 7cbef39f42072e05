namespace HemelMassage.Web.Bookings;

/// <summary>The date and time step: upcoming dates with free times, and the chosen day's times.</summary>
public sealed record TimesView(
    TreatmentChoice Treatment, string Therapist, string TherapistLabel, Schedule Schedule,
    IReadOnlyList<DateOnly> Dates, DateOnly? Date, IReadOnlyList<Slot> Times,
    string? Problem, string? Pending, string? Chosen, string FormAction, string DateAction)
{
    /// <summary>False where the page is output-cached for every visitor; its POST checks the origin instead.</summary>
    public bool AntiforgeryToken { get; init; } = true;

    /// <summary>Where "join the waitlist" goes (the client's booking only; none when moving a booking).</summary>
    public string? WaitlistUrl { get; init; }

    /// <summary>The earliest free hour of all, for the "next free time" jump.</summary>
    public Slot? NextFree { get; init; }

    /// <summary>A word about the time already chosen (an hour offered by email that is still free), or null.</summary>
    public string? Note { get; init; }
}
