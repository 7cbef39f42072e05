using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Diary;

/// <summary>A booking as the layout needs it: local minutes of the day it starts on.</summary>
public sealed record GridInput(int Id, int Version, DateTime StartUtc, DateTime EndUtc, int TherapistId, string TherapistName, string ClientName, string TreatmentName, BookingStatus Status, bool TalkFirst);

public readonly record struct TimeOffSpan(int TherapistId, DateTime StartUtc, DateTime EndUtc, string Reason);

/// <summary>
/// Lays out one column of the grid (one therapist on one day): bookings become blocks spanning the rows of
/// their hour, the rest of the rows are free bookable starts or shaded time named in words, runs of the
/// same shade merged into one cell. Pure: every fact comes in as an argument.
/// </summary>
public sealed class GridLayout(IReadOnlyList<int> rows, int step, DateTime nowUtc, TimeSpan minimumNotice, bool mayBook, bool mayMove)
{
    public static string Clock(int minutes) => $"{minutes / 60:00}:{minutes % 60:00}";

    public static DateTime Utc(DateOnly date, int minutes)
    {
        var local = date.ToDateTime(TimeOnly.MinValue).AddMinutes(minutes);
        // A wall-clock time skipped when the clocks go forward is read as the hour after it.
        return ClinicTime.ToUtc(ClinicTime.Zone.IsInvalidTime(local) ? local.AddHours(1) : local);
    }

    public static int Minutes(DateTime utc, DateOnly date)
    {
        var local = ClinicTime.ToLocal(utc);
        return (int)(local - date.ToDateTime(TimeOnly.MinValue)).TotalMinutes;
    }

    public GridColumn Column(
        string heading, int therapistId, string therapistName, DateOnly date, IReadOnlyList<WeeklyRange> hours, string? closure,
        IReadOnlyList<TimeOffSpan> timeOff, IReadOnlyList<GridInput> bookings, IReadOnlySet<DateTime> freeStarts)
    {
        var cells = new GridCell?[rows.Count];
        var taken = new bool[rows.Count];
        var ranges = hours.Select(h => (Start: h.Start.Hour * 60 + h.Start.Minute, End: h.End == TimeOnly.MaxValue ? 1440 : h.End.Hour * 60 + h.End.Minute)).OrderBy(r => r.Start).ToList();
        foreach (var block in Blocks(date, bookings))
        {
            var drawn = block.Items.Select(b => new GridBooking(b.Id, b.Version, $"{ClinicTime.ToLocal(b.StartUtc):HH:mm}–{ClinicTime.ToLocal(b.EndUtc):HH:mm}", b.ClientName, b.TreatmentName,
                b.Status, b.TalkFirst, Clash(b, therapistName, date, ranges, closure, timeOff), mayMove && b.Status == BookingStatus.Booked)).ToList();
            cells[block.Row] = new GridCell(block.Row, block.Span, GridCellKind.Booking, "", "", drawn, Clock(rows[block.Row]), null);
            for (var i = block.Row; i < block.Row + block.Span; i++)
            {
                taken[i] = true;
            }
        }
        GridCell? open = null;
        for (var i = 0; i < rows.Count; i++)
        {
            if (taken[i])
            {
                open = null;
                continue;
            }
            var startUtc = Utc(date, rows[i]);
            var (kind, label, shade) = Shade(rows[i], startUtc, Utc(date, rows[i] + step), ranges, closure, timeOff, freeStarts);
            if (kind == GridCellKind.Shaded && open is { Kind: GridCellKind.Shaded } run && run.Label == label)
            {
                cells[run.Row] = open = run with { Span = run.Span + 1 };
                continue;
            }
            var link = kind == GridCellKind.Free && mayBook ? $"/admin/bookings/new?therapist={therapistId}&date={date:yyyy-MM-dd}&time={Clock(rows[i])}" : null;
            cells[i] = open = new GridCell(i, 1, kind, label, shade, [], Clock(rows[i]), link);
        }
        MarkNow(cells, date);
        return new GridColumn(heading, therapistId, therapistName, date, closure is null ? null : "Clinic closed" + (closure.Length > 0 ? ": " + closure : ""), cells);
    }

    private (GridCellKind, string, string) Shade(int minute, DateTime startUtc, DateTime endUtc, List<(int Start, int End)> ranges, string? closure,
        IReadOnlyList<TimeOffSpan> timeOff, IReadOnlySet<DateTime> freeStarts)
    {
        if (closure is not null)
        {
            return (GridCellKind.Shaded, closure.Length > 0 ? "Closed: " + closure : "Clinic closed", "closed");
        }
        if (timeOff.Where(o => o.StartUtc < endUtc && o.EndUtc > startUtc).Select(o => (TimeOffSpan?)o).FirstOrDefault() is TimeOffSpan off)
        {
            return (GridCellKind.Shaded, off.Reason.Length > 0 ? "Time off: " + off.Reason : "Time off", "timeoff");
        }
        if (!ranges.Any(r => r.Start <= minute && minute < r.End))
        {
            return ranges.Count > 0 && ranges[0].Start < minute && minute < ranges.Max(r => r.End)
                ? (GridCellKind.Shaded, "Break", "break")
                : (GridCellKind.Shaded, "Not working", "off");
        }
        if (freeStarts.Contains(startUtc))
        {
            return (GridCellKind.Free, "Free", "free");
        }
        return startUtc < nowUtc ? (GridCellKind.Shaded, "Past", "past")
            : startUtc < nowUtc + minimumNotice ? (GridCellKind.Shaded, "Too soon to book", "past")
            : (GridCellKind.Shaded, "No free hour from here", "busy");
    }

    private static string? Clash(GridInput b, string therapist, DateOnly date, List<(int Start, int End)> ranges, string? closure, IReadOnlyList<TimeOffSpan> timeOff)
    {
        var clashes = new List<string>();
        if (closure is not null)
        {
            clashes.Add("the clinic is closed" + (closure.Length > 0 ? $" ({closure})" : ""));
        }
        if (timeOff.Where(o => o.StartUtc < b.EndUtc && o.EndUtc > b.StartUtc).Select(o => (TimeOffSpan?)o).FirstOrDefault() is TimeOffSpan off)
        {
            clashes.Add($"{therapist} is on time off" + (off.Reason.Length > 0 ? $" ({off.Reason})" : ""));
        }
        int start = Minutes(b.StartUtc, date), finish = Minutes(b.EndUtc, date);
        if (closure is null && !ranges.Any(r => r.Start <= start && finish <= r.End))
        {
            clashes.Add($"outside {therapist}'s working hours");
        }
        return clashes.Count == 0 ? null : "Clash: " + string.Join("; ", clashes);
    }

    /// <summary>Active bookings of the day as row spans; overlapping spans (possible only off the grid) share one block.</summary>
    private List<(int Row, int Span, List<GridInput> Items)> Blocks(DateOnly date, IReadOnlyList<GridInput> bookings)
    {
        var blocks = new List<(int Row, int Span, List<GridInput> Items)>();
        foreach (var b in bookings.OrderBy(b => b.StartUtc))
        {
            int start = Minutes(b.StartUtc, date), end = Minutes(b.EndUtc, date);
            var first = Math.Max(0, rows.Count(r => r <= start) - 1);
            var last = Math.Max(first + 1, rows.Count(r => r < end));
            if (blocks.Count > 0 && blocks[^1] is var (row, span, items) && first < row + span)
            {
                items.Add(b);
                blocks[^1] = (row, Math.Max(span, last - row), items);
            }
            else
            {
                blocks.Add((first, last - first, [b]));
            }
        }
        return blocks;
    }

    private void MarkNow(GridCell?[] cells, DateOnly date)
    {
        var now = Minutes(nowUtc, date);
        if (DateOnly.FromDateTime(ClinicTime.ToLocal(nowUtc)) != date || rows.Count == 0 || now < rows[0] || now >= rows[^1] + step)
        {
            return;
        }
        var cell = cells.Last(c => c is not null && rows[c.Row] <= now)!;
        var tenths = Math.Clamp((now - rows[cell.Row]) * 10 / (cell.Span * step), 0, 9);
        cells[cell.Row] = cell with { NowTenths = tenths, NowText = "Now " + Clock(now) };
    }
}

public static class GridStatus
{
    /// <summary>The statuses that hold the hour (the database's overlap guard names the same).</summary>
    public static bool IsActive(this BookingStatus status) => status is BookingStatus.Booked or BookingStatus.Arrived or BookingStatus.NoShow;
}
