using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Diary;

/// <summary>
/// The diary as a grid: hours from the cached schedule, one indexed range query for the bookings of the
/// days shown, and the free starts from the same calculator the booking pages use, so a free cell is an
/// hour the rules offer.
/// </summary>
public sealed class DiaryGrid(
    ClinicDbContext db, StaffViewer viewer, Availability availability, AvailabilityCalculator calculator,
    IOptions<BookingOptions> options, TimeProvider clock)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>A column per therapist on one day.</summary>
    public async Task<GridPage> DayAsync(DateOnly date, int? therapistId, string? problem, CancellationToken cancellationToken)
    {
        var only = await viewer.OnlyTherapistAsync(cancellationToken);
        var shown = only ?? therapistId;
        var data = await LoadAsync(date, 1, shown, cancellationToken);
        var columns = data.Schedule.Therapists.Select(t => (t.Id, t.Name))
            .Concat(data.Bookings.Where(b => b.Status.IsActive()).Select(b => (Id: b.TherapistId, Name: b.TherapistName)))
            .DistinctBy(t => t.Id).Where(t => shown is null || t.Id == shown).ToList();
        var layout = Layout(data, [.. columns.Select(c => (c.Id, date))]);
        return Page(date, false, shown, only is null, date.ToString("dddd d MMMM yyyy", British), problem, data, layout.Rows,
            [.. columns.Select(c => layout.Column(c.Name, c.Id, c.Name, date))]);
    }

    /// <summary>A column per day of the week (Monday first) for one therapist.</summary>
    public async Task<GridPage> WeekAsync(DateOnly date, int? therapistId, string? problem, CancellationToken cancellationToken)
    {
        var only = await viewer.OnlyTherapistAsync(cancellationToken);
        var monday = date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
        var therapists = await db.Therapists.AsNoTracking().OrderBy(t => !t.IsActive).ThenBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        var chosen = therapists.FirstOrDefault(t => t.Id == (only ?? therapistId)) ?? (only is null ? therapists.FirstOrDefault() : null);
        var data = await LoadAsync(monday, 7, chosen?.Id ?? 0, cancellationToken);
        var days = Enumerable.Range(0, 7).Select(monday.AddDays).ToList();
        var layout = Layout(data, chosen is null ? [] : [.. days.Select(d => (chosen.Id, d))]);
        var columns = chosen is null ? [] : days.Select(d => layout.Column(d.ToString("ddd d MMM", British), chosen.Id, chosen.Name, d)).ToList();
        return Page(monday, true, chosen?.Id, only is null, $"Week of {monday.ToString("dddd d MMMM yyyy", British)}" + (chosen is null ? "" : " · " + chosen.Name),
            problem, data, layout.Rows, columns);
    }

    private GridPage Page(DateOnly date, bool week, int? therapistId, bool mayChoose, string title, string? problem, GridData data, IReadOnlyList<int> rows, List<GridColumn> columns) =>
        new(date, week, therapistId, mayChoose, viewer.IsDesk, title, problem, data.Therapists, [.. rows.Select(GridLayout.Clock)], columns,
            [.. data.Bookings.Where(b => !b.Status.IsActive() && b.StartUtc >= data.FromUtc && b.StartUtc < data.ToUtc).Select(b =>
                new DiaryEntry(b.Id, "", b.StartUtc, ClinicTime.ToLocal(b.StartUtc).ToString(week ? "ddd d MMM HH:mm" : "HH:mm", British), b.ClientName, b.TreatmentName, b.TherapistId, b.TherapistName, b.Status))]);

    private sealed record GridData(
        Schedule Schedule, DateTime FromUtc, DateTime ToUtc, IReadOnlyList<GridInput> Bookings, IReadOnlyList<TimeOffSpan> TimeOff,
        IReadOnlyList<(DateOnly From, DateOnly To, string Reason)> Closures, HashSet<(int, DateTime)> Free, IReadOnlyList<TherapistOption> Therapists);

    private async Task<GridData> LoadAsync(DateOnly first, int days, int? therapistId, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var last = first.AddDays(days - 1);
        var fromUtc = ClinicTime.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var toUtc = ClinicTime.ToUtc(first.AddDays(days).ToDateTime(TimeOnly.MinValue));
        // Bookings an hour and a changeover either side of the days shown still decide which edge hours are free.
        var margin = TreatmentLength.Duration + options.Value.Changeover;
        var query = db.Bookings.AsNoTracking().Where(a => a.StartUtc >= fromUtc - margin && a.StartUtc < toUtc + margin);
        if (therapistId is int id)
        {
            query = query.Where(a => a.TherapistId == id);
        }
        var rows = await query.OrderBy(a => a.StartUtc)
            .Select(a => new { a.Id, a.Version, a.StartUtc, a.EndUtc, a.TherapistId, Therapist = a.Therapist!.Name, Client = a.Client!.Name, Treatment = a.Treatment!.Name, a.Status })
            .ToListAsync(cancellationToken);
        var talk = new HashSet<int>();
        // "Talk first" comes from the health answers: shown to those who may read them, as on the day sheet.
        if (rows.Count > 0 && (viewer.IsOwner || !viewer.IsDesk))
        {
            var ids = rows.Select(r => r.Id).ToList();
            talk = [.. await db.Intakes.AsNoTracking().Where(i => ids.Contains(i.BookingId) && i.NeedsConversation).Select(i => i.BookingId).ToListAsync(cancellationToken)];
        }
        var bookings = rows.Select(r => new GridInput(r.Id, r.Version, r.StartUtc, r.EndUtc, r.TherapistId, r.Therapist, r.Client, r.Treatment, r.Status, talk.Contains(r.Id))).ToList();
        var timeOff = await db.TimeOff.AsNoTracking().Where(o => o.StartUtc < toUtc && o.EndUtc > fromUtc)
            .Select(o => new TimeOffSpan(o.TherapistId, o.StartUtc, o.EndUtc, o.Reason)).ToListAsync(cancellationToken);
        var closures = (await db.ClinicClosures.AsNoTracking().Where(c => c.From <= last && c.To >= first).Select(c => new { c.From, c.To, c.Reason }).ToListAsync(cancellationToken))
            .Select(c => (c.From, c.To, c.Reason)).ToList();
        var busy = bookings.Where(b => b.Status.IsActive()).Select(b => new BusyRange(b.TherapistId, b.StartUtc, b.EndUtc)).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var free = new HashSet<(int, DateTime)>();
        // Whether a therapist is free does not depend on the treatment, only that they give one: ask once per
        // treatment that is some therapist's first, usually once in all.
        foreach (var treatment in schedule.Therapists.Where(t => therapistId is null || t.Id == therapistId)
            .Select(t => schedule.Treatments.FirstOrDefault(x => t.TreatmentIds.Contains(x.Id))?.Id).OfType<int>().Distinct())
        {
            foreach (var slot in calculator.FreeSlots(schedule, busy, now, treatment, therapistId, first, last))
            {
                free.UnionWith(slot.TherapistIds.Select(t => (t, slot.StartUtc)));
            }
        }
        var therapists = await db.Therapists.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TherapistOption(t.Id, t.Name, t.IsActive)).ToListAsync(cancellationToken);
        return new GridData(schedule, fromUtc, toUtc, bookings, timeOff, closures, free, therapists);
    }

    /// <summary>The rows every column shares: the grid's start times from the earliest hour worked (or booked) to the latest.</summary>
    private ColumnFactory Layout(GridData data, IReadOnlyList<(int Therapist, DateOnly Date)> columns)
    {
        var o = options.Value;
        var step = (int)o.SlotInterval.TotalMinutes;
        var anchor = o.FirstStart.Hour * 60 + o.FirstStart.Minute;
        var spans = columns.SelectMany(c => Hours(data.Schedule, c.Therapist, c.Date).Select(h => (Start: h.Start.Hour * 60 + h.Start.Minute, End: h.End.Hour * 60 + h.End.Minute)))
            .Concat(data.Bookings.Where(b => b.Status.IsActive() && columns.Any(c => c.Therapist == b.TherapistId && c.Date == DateOnly.FromDateTime(ClinicTime.ToLocal(b.StartUtc))))
                .Select(b => (Start: GridLayout.Minutes(b.StartUtc, DateOnly.FromDateTime(ClinicTime.ToLocal(b.StartUtc))), End: Math.Min(1440, GridLayout.Minutes(b.EndUtc, DateOnly.FromDateTime(ClinicTime.ToLocal(b.StartUtc)))))))
            .ToList();
        var (from, to) = spans.Count == 0 ? (anchor, anchor + 8 * 60) : (spans.Min(s => s.Start), spans.Max(s => s.End));
        var firstRow = Math.Max(0, anchor + (int)Math.Floor((from - anchor) / (double)step) * step);
        var rows = new List<int>();
        for (var m = firstRow; m < to && m < 1440; m += step)
        {
            rows.Add(m);
        }
        return new ColumnFactory(rows, new GridLayout(rows, step, clock.GetUtcNow().UtcDateTime, o.MinimumNotice, viewer.IsDesk, viewer.IsDesk), data);
    }

    private static IReadOnlyList<WeeklyRange> Hours(Schedule schedule, int therapistId, DateOnly date) =>
        [.. schedule.Therapist(therapistId)?.Hours.Where(h => h.Day == date.DayOfWeek) ?? []];

    private sealed class ColumnFactory(IReadOnlyList<int> rows, GridLayout layout, GridData data)
    {
        public IReadOnlyList<int> Rows => rows;

        public GridColumn Column(string heading, int therapistId, string name, DateOnly date)
        {
            var dayStart = ClinicTime.ToUtc(date.ToDateTime(TimeOnly.MinValue));
            var dayEnd = ClinicTime.ToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue));
            var closure = data.Closures.Where(c => c.From <= date && date <= c.To).Select(c => c.Reason).FirstOrDefault();
            return layout.Column(heading, therapistId, name, date, Hours(data.Schedule, therapistId, date), closure,
                [.. data.TimeOff.Where(o => o.TherapistId == therapistId)],
                [.. data.Bookings.Where(b => b.TherapistId == therapistId && b.Status.IsActive() && b.StartUtc >= dayStart && b.StartUtc < dayEnd)],
                data.Free.Where(f => f.Item1 == therapistId).Select(f => f.Item2).ToHashSet());
        }
    }
}
