using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// The Owner's changes to what can be booked (treatments, therapists, their hours and time off, closures) end
/// here: audited, saved, then the schedule cache invalidated and the public pages' output cache evicted, so
/// clients never see times or prices that no longer hold.
/// </summary>
public sealed class ScheduleChanges(
    ClinicDbContext db, AuditLog audit, ScheduleCache schedules, ContentCache content, AvailabilityPages availabilityPages, IEnumerable<IFreedHours> freedHours)
{
    public async Task SaveAsync(string action, string subject, string detail, CancellationToken cancellationToken)
    {
        audit.Add(action, subject, detail);
        await db.SaveChangesAsync(cancellationToken);
        schedules.Invalidate();
        await content.EvictAsync(cancellationToken);
        await availabilityPages.EvictAsync(cancellationToken);
    }

    /// <summary>False when there is no such row: the caller answers 404.</summary>
    public async Task<bool> RemoveAsync<T>(IQueryable<T> rows, string action, string subject, CancellationToken cancellationToken) where T : class
    {
        var row = await rows.FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return false;
        }
        db.Remove(row);
        await SaveAsync(action, subject, "removed", cancellationToken);
        // Time off removed or a closure lifted frees hours: someone waiting may want them.
        (int? TherapistId, DateTime From, DateTime To)? freed = row switch
        {
            Therapists.TimeOff off => (off.TherapistId, off.StartUtc, off.EndUtc),
            Closures.ClinicClosure closure => (null, ClinicTime.ToUtc(closure.From.ToDateTime(TimeOnly.MinValue)), ClinicTime.ToUtc(closure.To.AddDays(1).ToDateTime(TimeOnly.MinValue))),
            _ => null,
        };
        if (freed is { } hours)
        {
            foreach (var listener in freedHours)
            {
                await listener.OfferFreeBetweenAsync(hours.TherapistId, hours.From, hours.To, cancellationToken);
            }
        }
        return true;
    }
}
