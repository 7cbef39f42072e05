namespace HemelMassage.Web.Bookings;

public enum DeskOutcome
{
    Done,
    NotFound,
    Forbidden,
    Stale,
    Refused,
}

/// <param name="Field">The form field a refusal belongs next to ("" for the page as a whole).</param>
public sealed record DeskResult(DeskOutcome Outcome, string Message = "", string Field = "", int? BookingId = null)
{
    public const string StaleMessage = "Someone changed this booking while you had it open, so nothing was saved. Here it is as it is now: please check it and try again.";

    public static DeskResult Done(int id, string message) => new(DeskOutcome.Done, message, BookingId: id);

    public static DeskResult Refused(string field, string message) => new(DeskOutcome.Refused, message, field);

    /// <summary>The database refused the write: another booking took the hour a moment before.</summary>
    public static DeskResult TimeTaken(string field, string nothing) => Refused(field, $"{BookingWrites.TakenMessage} {nothing}: choose another time.");

    public static readonly DeskResult NotFound = new(DeskOutcome.NotFound);
    public static readonly DeskResult Forbidden = new(DeskOutcome.Forbidden);
    public static readonly DeskResult Stale = new(DeskOutcome.Stale, StaleMessage);
}

/// <param name="Marks">The marks the page offers now; <paramref name="MayUndo"/>: the current mark may be taken back.</param>
public sealed record StatusActions(IReadOnlyList<BookingStatus> Marks, bool MayUndo);
