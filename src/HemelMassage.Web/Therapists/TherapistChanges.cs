using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Closures;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Therapists;

/// <summary>The Owner's changes to the therapists: their details and treatments, weekly hours with breaks, time off.</summary>
public sealed class TherapistChanges(ClinicDbContext db, ScheduleChanges changes)
{
    public async Task<int> SaveAsync(int? id, TherapistForm form, CancellationToken cancellationToken)
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
        await changes.SaveAsync(id is null ? "therapist.create" : "therapist.edit", therapist.Name, $"{(therapist.IsActive ? "active" : "inactive")}, {chosen.Count} treatments", cancellationToken);
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
        await changes.SaveAsync("hours.add", await NameAsync(therapistId, cancellationToken), $"{form.Day} {start:HH\\:mm}-{end:HH\\:mm}", cancellationToken);
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
        await changes.SaveAsync("timeoff.add", await NameAsync(therapistId, cancellationToken), $"{form.From} to {form.To}", cancellationToken);
    }

    /// <summary>False when the therapist has no such hours: the caller answers 404.</summary>
    public Task<bool> RemoveHoursAsync(int therapistId, int hoursId, CancellationToken cancellationToken) =>
        changes.RemoveAsync(db.WorkingHours.Where(h => h.Id == hoursId && h.TherapistId == therapistId), "hours.remove", $"therapist {therapistId}", cancellationToken);

    /// <summary>False when the therapist has no such time off: the caller answers 404.</summary>
    public Task<bool> RemoveTimeOffAsync(int therapistId, int timeOffId, CancellationToken cancellationToken) =>
        changes.RemoveAsync(db.TimeOff.Where(o => o.Id == timeOffId && o.TherapistId == therapistId), "timeoff.remove", $"therapist {therapistId}", cancellationToken);

    private async Task<string> NameAsync(int therapistId, CancellationToken cancellationToken) =>
        await db.Therapists.Where(t => t.Id == therapistId).Select(t => t.Name).FirstAsync(cancellationToken);
}
