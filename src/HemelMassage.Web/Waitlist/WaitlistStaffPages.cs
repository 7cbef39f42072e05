using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Waitlist;

/// <summary>What the list is filtered by, as parsed from the address (a bad value is dropped and named in <see cref="Problem"/>).</summary>
public sealed record WaitlistFilter(DateOnly From, DateOnly To, int? TreatmentId, int? TherapistId, string? Problem)
{
    public bool IsOneDay => From == To;
}

public sealed record WaitlistListPage(
    WaitlistFilter Filter, IReadOnlyList<WaitlistRow> Rows, IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<TherapistOption> Treatments);

/// <summary>One free hour an entry wants: the form's value ("therapist id:UTC start") and its words.</summary>
public sealed record OfferableHour(string Value, string Label);

public sealed record WaitlistOfferPage(WaitlistRow Entry, IReadOnlyList<OfferableHour> Hours, WaitlistOfferForm Form);

public sealed record WaitlistRemovePage(WaitlistRow Entry, WaitlistRemoveForm Form);

/// <summary>
/// What the staff pages of the waitlist show: the filtered list, one entry, and the free hours that entry wants
/// (the same free-hour calculation as the times page, less hours held for someone else or too close to hold).
/// </summary>
/// <summary>The diary's per-day count, from the desk (the diary asks through its own <see cref="IWaitingCounts"/>).</summary>
public sealed class WaitlistDiaryCounts(WaitlistDesk desk) : IWaitingCounts
{
    public Task<IReadOnlyDictionary<DateOnly, int>> CountsAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken) =>
        desk.CountsByDayAsync(firstDay, lastDay, cancellationToken);
}

public sealed class WaitlistStaffPages(
    WaitlistDesk desk, ClinicDbContext db, DiaryQueries diary, Availability availability, HoldClock hold, IOptions<BookingOptions> booking, TimeProvider clock)
{
    /// <summary>At most this many hours are listed to offer, earliest first: enough to choose from, a page that stays short.</summary>
    public const int HourLimit = 40;

    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public WaitlistFilter Filter(string? from, string? to, int? treatment, int? therapist)
    {
        var today = diary.Today;
        var last = DateOnly.FromDateTime(ClinicTime.ToLocal(clock.GetUtcNow().UtcDateTime + booking.Value.MaximumWindow));
        var (fromDate, toDate) = (Parse(from), Parse(to));
        string? problem = null;
        if ((!string.IsNullOrWhiteSpace(from) && fromDate is null) || (!string.IsNullOrWhiteSpace(to) && toDate is null))
        {
            problem = $"That is not a date the list can use, so it shows every day from today. Use the date fields, or a date like {today:yyyy-MM-dd}.";
            (fromDate, toDate) = (null, null);
        }
        else if (fromDate is DateOnly f && toDate is DateOnly t && t < f)
        {
            problem = "The last day was before the first, so the list shows the first day alone.";
            toDate = f;
        }
        // A single day asked for (the diary's link) is that day alone; otherwise from today to the end of the booking window.
        var start = fromDate ?? today;
        var end = toDate ?? (fromDate is not null && string.IsNullOrWhiteSpace(to) ? start : (last < start ? start : last));
        return new WaitlistFilter(start, end, treatment, therapist, problem);
    }

    public async Task<WaitlistListPage> ListAsync(WaitlistFilter filter, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var rows = await desk.ListAsync(filter.From, filter.To, cancellationToken);
        var wanted = rows.Where(r => filter.TreatmentId is not int t || r.TreatmentId == t)
            .Where(r => filter.TherapistId is not int id || r.TherapistId == id
                || (r.TherapistId is null && schedule.Therapist(id)?.TreatmentIds.Contains(r.TreatmentId) == true));
        if (filter.From == filter.To)
        {
            // One day: only those whose weekdays include it, as the diary counts them.
            var bit = WaitlistEntry.WeekdayBit(filter.From.DayOfWeek);
            var weekdays = await db.WaitlistEntries.AsNoTracking().Where(e => e.State == WaitlistState.Waiting && e.Weekdays != 0)
                .Select(e => new { e.Id, e.Weekdays }).ToDictionaryAsync(e => e.Id, e => e.Weekdays, cancellationToken);
            wanted = wanted.Where(r => !weekdays.TryGetValue(r.Id, out var days) || (days & bit) != 0);
        }
        return new WaitlistListPage(filter, [.. wanted], await diary.TherapistsAsync(cancellationToken), await diary.TreatmentsAsync(cancellationToken));
    }

    /// <summary>The entry as the list shows it, if it is still waiting.</summary>
    public async Task<WaitlistRow?> EntryAsync(int id, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.State == WaitlistState.Waiting, cancellationToken);
        return entry is null ? null : (await desk.ListAsync(entry.FromDate, entry.ToDate, cancellationToken)).FirstOrDefault(r => r.Id == id);
    }

    public async Task<IReadOnlyList<OfferableHour>> HoursAsync(int entryId, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        if (entry is null)
        {
            return [];
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var free = await availability.FreeTimesAsync(schedule, entry.TreatmentId, entry.TherapistId, cancellationToken: cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var held = (await db.WaitlistOffers.AsNoTracking()
                .Where(o => o.State == OfferState.Offered || o.EntryId == entryId)
                .Select(o => new { o.TherapistId, o.StartUtc }).ToListAsync(cancellationToken))
            .Select(o => (o.TherapistId, o.StartUtc)).ToHashSet();
        var hours = new List<OfferableHour>();
        foreach (var date in free.Dates.Where(d => entry.FromDate <= d && d <= entry.ToDate))
        {
            foreach (var slot in free.On(date))
            {
                foreach (var therapistId in slot.TherapistIds)
                {
                    if (WaitlistWishes.Wants(entry, therapistId, slot.StartUtc) && !held.Contains((therapistId, slot.StartUtc)) && hold.HeldUntil(now, slot.StartUtc) is not null)
                    {
                        hours.Add(new OfferableHour(
                            OfferHour.Format(therapistId, slot.StartUtc),
                            $"{slot.LocalDate.ToString("ddd d MMM", British)}, {slot.LocalStart:HH\\:mm} to {slot.LocalEnd:HH\\:mm} with {schedule.Therapist(therapistId)?.Name ?? "a therapist"}"));
                        if (hours.Count == HourLimit)
                        {
                            return hours;
                        }
                    }
                }
            }
        }
        return hours;
    }

    private static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2100 ? d : null;
}
