using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Diary;

/// <summary>Reads for the diary pages, in clinic local days (Europe/London), limited to what the viewer may see.</summary>
public sealed class DiaryQueries(ClinicDbContext db, StaffViewer viewer, TimeProvider clock, Intake.IntakeRecords intakes, Progress.ReviewPrompts reviews)
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public DateOnly Today => DateOnly.FromDateTime(ClinicTime.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>A date from the address bar, or today when it is missing or absurd.</summary>
    public DateOnly DateOrToday(DateOnly? date) => date is { Year: >= 2000 and <= 2100 } d ? d : Today;

    public async Task<DiaryPage> PageAsync(DateOnly date, bool week, int? therapistId, CancellationToken cancellationToken)
    {
        var only = await viewer.OnlyTherapistAsync(cancellationToken);
        var shown = only ?? therapistId;
        var first = week ? date.AddDays(-(((int)date.DayOfWeek + 6) % 7)) : date;
        var days = week ? 7 : 1;
        var entries = await EntriesAsync(first, first.AddDays(days), shown, cancellationToken);
        // The day sheet carries each client's map and flags to the Owner and to a therapist viewing their own day.
        if (!week && (viewer.IsOwner || !viewer.IsDesk) && entries.Count > 0)
        {
            var sheet = await intakes.SheetAsync(entries.Where(e => e.Status != BookingStatus.Cancelled).ToList(), cancellationToken);
            entries = [.. entries.Select(e => sheet.TryGetValue(e.Id, out var intake) ? e with { Intake = intake } : e)];
            var open = entries.Where(e => e.Status is BookingStatus.Booked or BookingStatus.Arrived)
                .Select(e => new Progress.ReviewQuestion(e.Id, e.ClientId, e.StartUtc, e.Intake?.NeedsConversation ?? false)).ToList();
            var prompts = await reviews.ForAsync(open, viewer.IsOwner, cancellationToken);
            entries = [.. entries.Select(e => prompts.TryGetValue(e.Id, out var review) ? e with { Review = review } : e)];
            // The audit rows of both reads (health flags, pain scores) in one commit.
            await db.SaveChangesAsync(cancellationToken);
        }
        var therapists = await TherapistsAsync(cancellationToken);
        var byDay = Enumerable.Range(0, days).Select(i => first.AddDays(i))
            .Select(d => new DiaryDay(d, d.ToString("dddd d MMMM yyyy", British),
                [.. entries.Where(e => DateOnly.FromDateTime(ClinicTime.ToLocal(e.StartUtc)) == d)]))
            .ToList();
        return new DiaryPage(first, week, shown, only is null, therapists, byDay);
    }

    /// <summary>Bookings starting on local days [from, to), every status, in time order.</summary>
    public async Task<IReadOnlyList<DiaryEntry>> EntriesAsync(DateOnly from, DateOnly to, int? therapistId, CancellationToken cancellationToken)
    {
        var fromUtc = ClinicTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = ClinicTime.ToUtc(to.ToDateTime(TimeOnly.MinValue));
        var query = db.Bookings.AsNoTracking().Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc);
        if (therapistId is int id)
        {
            query = query.Where(a => a.TherapistId == id);
        }
        var rows = await query.OrderBy(a => a.StartUtc).ThenBy(a => a.TherapistId)
            .Select(a => new { a.Id, a.Reference, a.StartUtc, a.ClientId, Client = a.Client!.Name, Treatment = a.Treatment!.Name, a.TherapistId, Therapist = a.Therapist!.Name, a.Status })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DiaryEntry(r.Id, r.Reference, r.StartUtc, ClinicTime.ToLocal(r.StartUtc).ToString("HH:mm", British),
            r.Client, r.Treatment, r.TherapistId, r.Therapist, r.Status) { ClientId = r.ClientId })];
    }

    /// <summary>Null when there is no such booking; throws nothing for ids the viewer may not see (the caller asks <see cref="StaffViewer"/>).</summary>
    public async Task<Booking?> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Bookings.AsNoTracking().Include(a => a.Client).Include(a => a.Treatment).Include(a => a.Therapist)
            .Include(a => a.Changes.OrderBy(c => c.AtUtc)).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);

    public async Task<BookingDetails> DetailsAsync(Booking a, CancellationToken cancellationToken)
    {
        var mayNote = await viewer.MaySeeNoteAsync(a, cancellationToken);
        return new BookingDetails(a.Id, a.Reference, a.Version, a.Status, ClinicTime.Describe(a.StartUtc), a.StartUtc,
            a.ClientId, a.Client!.Name, a.Client.Email, a.Client.Phone, a.FirstVisit, a.Treatment!.Name, a.TherapistId, a.Therapist!.Name,
            mayNote ? a.ClientNote : null, !mayNote && !string.IsNullOrEmpty(a.ClientNote), a.Changes) { AwaitsMailboxProof = a.AwaitsMailboxProof };
    }

    public async Task<IReadOnlyList<TherapistOption>> TherapistsAsync(CancellationToken cancellationToken) =>
        await db.Therapists.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TherapistOption(t.Id, t.Name, t.IsActive)).ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<TherapistOption>> TreatmentsAsync(CancellationToken cancellationToken) =>
        await db.Treatments.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TherapistOption(t.Id, t.Name, t.IsActive)).ToListAsync(cancellationToken);
}
