using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;

namespace HemelMassage.Web.Closures;

/// <summary>The Owner's closures: whole days on which nobody can book online.</summary>
public sealed class ClosureChanges(ClinicDbContext db, ScheduleChanges changes)
{
    public async Task AddAsync(DaysForm form, CancellationToken cancellationToken)
    {
        db.ClinicClosures.Add(new ClinicClosure { From = form.FromDate!.Value, To = form.ToDate!.Value, Reason = form.Reason.Trim() });
        await changes.SaveAsync("closure.add", "clinic", $"{form.From} to {form.To}: {form.Reason.Trim()}", cancellationToken);
    }

    /// <summary>False when there is no such closure: the caller answers 404.</summary>
    public Task<bool> RemoveAsync(int id, CancellationToken cancellationToken) =>
        changes.RemoveAsync(db.ClinicClosures.Where(c => c.Id == id), "closure.remove", "clinic", cancellationToken);
}
