using HemelMassage.Web.Bookings;

namespace HemelMassage.Web.Diary;

public enum GridCellKind
{
    Booking,
    Free,
    Shaded,
}

/// <summary>A booking drawn on the grid. <see cref="Clash"/> says in words what it collides with (time off, closure, no hours).</summary>
public sealed record GridBooking(
    int Id, int Version, string Hours, string ClientName, string TreatmentName, BookingStatus Status, bool TalkFirst, string? Clash, bool Movable)
{
    public string StatusClass => "status-" + Status.ToString().ToLowerInvariant();
}

/// <summary>
/// One cell of a column, spanning <see cref="Span"/> rows: bookings, a free bookable hour (a link to the
/// phone form when <see cref="BookLink"/> is set) or shaded time named by <see cref="Label"/>.
/// </summary>
public sealed record GridCell(int Row, int Span, GridCellKind Kind, string Label, string Shade, IReadOnlyList<GridBooking> Bookings, string Time, string? BookLink)
{
    /// <summary>Where the current time falls in this cell, in tenths of its height; null when not now.</summary>
    public int? NowTenths { get; init; }

    public string? NowText { get; init; }
}

/// <param name="Cells">Indexed by row: the cell starting there, or null where a cell above spans it.</param>
public sealed record GridColumn(string Heading, int TherapistId, string TherapistName, DateOnly Date, string? Note, IReadOnlyList<GridCell?> Cells);

/// <summary>The day grid (a column per therapist) or a therapist's week grid (a column per day).</summary>
public sealed record GridPage(
    DateOnly Date, bool IsWeek, int? TherapistId, bool MayChooseTherapist, bool MayBook, string Title, string? Problem,
    IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<string> Rows, IReadOnlyList<GridColumn> Columns,
    IReadOnlyList<DiaryEntry> Cancelled)
{
    public DateOnly Previous => Date.AddDays(IsWeek ? -7 : -1);

    public DateOnly Next => Date.AddDays(IsWeek ? 7 : 1);

    public string Query(DateOnly date) => $"date={date:yyyy-MM-dd}" + (TherapistId is int id && MayChooseTherapist ? $"&therapist={id}" : "");
}
