using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Treatments;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Schedules;

/// <summary>
/// The Owner's changes to treatments, therapists, hours, time off and closures. Every change is audited,
/// then the schedule cache is invalidated and the public pages' output cache evicted, so clients never see
/// times or prices that no longer hold.
/// </summary>
public sealed partial class ScheduleAdmin(ClinicDbContext db, AuditLog audit, ScheduleCache schedules, ContentCache content, AvailabilityPages availabilityPages)
{
    public async Task<int> SaveTreatmentAsync(int? id, TreatmentForm form, CancellationToken cancellationToken)
    {
        var treatment = id is int existing ? await db.Treatments.FindAsync([existing], cancellationToken) : null;
        if (treatment is null)
        {
            treatment = new Treatment { Slug = await UnusedSlugAsync(form.Name, cancellationToken), Name = "", Suits = "", Description = "", SortOrder = 100 };
            db.Treatments.Add(treatment);
        }
        treatment.Name = form.Name.Trim();
        treatment.Suits = form.Suits.Trim();
        treatment.Description = form.Description.Trim();
        treatment.PricePence = form.Pence!.Value;
        treatment.IsActive = form.IsActive;
        await ChangedAsync(id is null ? "treatment.create" : "treatment.edit", treatment.Name, $"{Money.Format(treatment.PricePence)}, {(treatment.IsActive ? "active" : "inactive")}", cancellationToken);
        return treatment.Id;
    }

    public async Task<int> SaveTherapistAsync(int? id, TherapistForm form, CancellationToken cancellationToken)
    {
        var therapist = id is int existing ? await db.Therapists.Include(t => t.Treatments).FirstOrDefaultAsync(t => t.Id == existing, cancellationToken) : null;
        if (therapist is null)
        {
            therapist = new Therapist { Name = "", SortOrder = 100 };
            db.Therapists.Add(therapist);
        }
        therapist.Name = form.Name.Trim();
        therapist.Bio = form.Bio.Trim();
        therapist.IsActive = form.IsActive;
        var chosen = await db.Treatments.Where(t => form.TreatmentIds.Contains(t.Id)).ToListAsync(cancellationToken);
        therapist.Treatments.RemoveAll(t => !chosen.Contains(t));
        therapist.Treatments.AddRange(chosen.Where(t => !therapist.Treatments.Contains(t)));
        await ChangedAsync(id is null ? "therapist.create" : "therapist.edit", therapist.Name, $"{(therapist.IsActive ? "active" : "inactive")}, {chosen.Count} treatments", cancellationToken);
        return therapist.Id;
    }

    /// <summary>Null when added; otherwise why not (the new range overlaps one already on that day).</summary>
    public async Task<string?> AddHoursAsync(int therapistId, HoursForm form, CancellationToken cancellationToken)
    {
        var (start, end) = (form.StartTime!.Value, form.EndTime!.Value);
        var sameDay = await db.WorkingHours.Where(h => h.TherapistId == therapistId && h.Day == form.Day).ToListAsync(cancellationToken);
        if (sameDay.Any(h => h.Start < end && h.End > start))
        {
            return "That overlaps hours already set for that day. Remove those first, or leave a gap for a break.";
        }
        db.WorkingHours.Add(new WorkingHours { TherapistId = therapistId, Day = form.Day!.Value, Start = start, End = end });
        await ChangedAsync("hours.add", await NameAsync(therapistId, cancellationToken), $"{form.Day} {start:HH\\:mm}-{end:HH\\:mm}", cancellationToken);
        return null;
    }

    public async Task AddTimeOffAsync(int therapistId, DaysForm form, CancellationToken cancellationToken)
    {
        db.TimeOff.Add(new TimeOff
        {
            TherapistId = therapistId, Reason = form.Reason.Trim(),
            StartUtc = ClinicTime.ToUtc(form.FromDate!.Value.ToDateTime(TimeOnly.MinValue)),
            EndUtc = ClinicTime.ToUtc(form.ToDate!.Value.AddDays(1).ToDateTime(TimeOnly.MinValue)),
        });
        await ChangedAsync("timeoff.add", await NameAsync(therapistId, cancellationToken), $"{form.From} to {form.To}", cancellationToken);
    }

    public async Task AddClosureAsync(DaysForm form, CancellationToken cancellationToken)
    {
        db.ClinicClosures.Add(new ClinicClosure { From = form.FromDate!.Value, To = form.ToDate!.Value, Reason = form.Reason.Trim() });
        await ChangedAsync("closure.add", "clinic", $"{form.From} to {form.To}: {form.Reason.Trim()}", cancellationToken);
    }

    /// <summary>False when there is no such row (of that therapist): the caller answers 404.</summary>
    public async Task<bool> RemoveAsync<T>(IQueryable<T> rows, string action, string subject, CancellationToken cancellationToken) where T : class
    {
        var row = await rows.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.Remove(row);
        await ChangedAsync(action, subject, "removed", cancellationToken);
        return true;
    }

    private async Task ChangedAsync(string action, string subject, string detail, CancellationToken cancellationToken)
    {
        audit.Add(action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Invalidate();
        await content.EvictAsync(cancellationToken);
        await availabilityPages.EvictAsync(cancellationToken);
    }

    private async Task<string> NameAsync(int therapistId, CancellationToken cancellationToken) =>
        await db.Therapists.Where(t => t.Id == therapistId).Select(t => t.Name).FirstAsync(cancellationToken);

    private async Task<string> UnusedSlugAsync(string name, CancellationToken cancellationToken)
    {
        var slug = NotSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length == 0 ? "treatment" : slug[..Math.Min(slug.Length, 60)];
        var candidate = slug;
        for (var n = 2; await db.Treatments.AnyAsync(t => t.Slug == candidate, cancellationToken); n++)
        {
            candidate = $"{slug}-{n}";
        }
        return candidate;
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotSlug();
}
