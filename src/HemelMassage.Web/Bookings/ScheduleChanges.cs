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
public sealed class ScheduleChanges(ClinicDbContext db, AuditLog audit, ScheduleCache schedules, ContentCache content, AvailabilityPages availabilityPages)
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
        return true;
    }
}
