using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Waitlist;

/// <summary>One waiting entry as staff see it.</summary>
public sealed record WaitlistRow(
    int Id, string Name, string Email, string Phone, int TreatmentId, int? TherapistId, string Wanted, string When,
    DateOnly FromDate, DateOnly ToDate, DateTime JoinedAtUtc, WaitlistState State, int LiveOffers);

/// <summary>What a staff offer by hand came to.</summary>
public sealed record StaffOfferResult(OfferRefusal Refusal, int? OfferId, DateTime? HeldUntilUtc)
{
    public bool Done => Refusal == OfferRefusal.None;
}

/// <summary>
/// The staff side of the waitlist: the list by day or range, how many wait for each day, offering an hour by hand
/// to a chosen entry, removing an entry. Every change is audited and runs in a write transaction (the same one the
/// bookings take), so it cannot race the offering job or a claim. The pages call only this.
/// </summary>
public sealed class WaitlistDesk(ClinicDbContext db, WaitlistOffers offers, Availability availability, WaitlistEmails emails, AuditLog audit, TimeProvider clock)
{
    /// <summary>Entries still waiting whose dates overlap <paramref name="from"/>..<paramref name="to"/> (clinic-local, both included), in joining order.</summary>
    public async Task<IReadOnlyList<WaitlistRow>> ListAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.State == WaitlistState.Waiting && e.FromDate <= to && e.ToDate >= from)
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .Select(e => new { Entry = e, Live = e.Offers.Count(o => o.State == OfferState.Offered) })
            .ToListAsync(cancellationToken);
        return [.. entries.Select(x => new WaitlistRow(
            x.Entry.Id, x.Entry.Name, x.Entry.Email, x.Entry.Phone, x.Entry.TreatmentId, x.Entry.TherapistId,
            WaitlistWishes.Wanted(schedule, x.Entry.TreatmentId, x.Entry.TherapistId), WaitlistWishes.When(x.Entry),
            x.Entry.FromDate, x.Entry.ToDate, x.Entry.JoinedAtUtc, x.Entry.State, x.Live))];
    }

    /// <summary>How many waiting entries want each day from <paramref name="from"/> to <paramref name="to"/> (their dates cover it and their weekdays, if any, include it); days with none are left out.</summary>
    public async Task<IReadOnlyDictionary<DateOnly, int>> CountsByDayAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var entries = await db.WaitlistEntries.AsNoTracking()
            .Where(e => e.State == WaitlistState.Waiting && e.FromDate <= to && e.ToDate >= from)
            .Select(e => new { e.FromDate, e.ToDate, e.Weekdays })
            .ToListAsync(cancellationToken);
        var counts = new Dictionary<DateOnly, int>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var bit = WaitlistEntry.WeekdayBit(day.DayOfWeek);
            var n = entries.Count(e => e.FromDate <= day && day <= e.ToDate && (e.Weekdays == 0 || (e.Weekdays & bit) != 0));
            if (n > 0)
            {
                counts[day] = n;
            }
        }
        return counts;
    }

    /// <summary>
    /// Offers this therapist's hour to this entry, ahead of anyone who joined earlier: held and emailed as an automatic
    /// offer is. Refused when the entry is not waiting, does not want the hour, was offered it before, the hour is held
    /// or not free by the booking rules, or too close to be booked online.
    /// </summary>
    public Task<StaffOfferResult> OfferAsync(int entryId, int therapistId, DateTime startUtc, string staffName, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var schedule = await availability.ScheduleAsync(cancellationToken);
            var (offer, refusal) = await offers.OfferToEntryAsync(schedule, entryId, new FreedHour(therapistId, startUtc), staffName, cancellationToken);
            if (offer is null)
            {
                return new StaffOfferResult(refusal, null, null);
            }
            audit.Add("waitlist.offer", $"waitlist entry {entryId}", $"Offered {ClinicTime.Brief(startUtc)} with therapist {therapistId} by hand, held until {ClinicTime.Brief(offer.HeldUntilUtc)}");
            return new StaffOfferResult(OfferRefusal.None, offer.Id, offer.HeldUntilUtc);
        }, new StaffOfferResult(OfferRefusal.AlreadyHeld, null, null), cancellationToken);

    /// <summary>
    /// Takes a waiting entry off the list; its live holds end and pass on. False when there is no such waiting entry.
    /// The client is emailed only when <paramref name="tellClient"/> (staff ticked it).
    /// </summary>
    public Task<bool> RemoveAsync(int entryId, string reason, bool tellClient, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            var entry = await db.WaitlistEntries.FirstOrDefaultAsync(e => e.Id == entryId && e.State == WaitlistState.Waiting, cancellationToken);
            if (entry is null)
            {
                return false;
            }
            entry.State = WaitlistState.Removed;
            entry.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
            audit.Add("waitlist.remove", $"waitlist entry {entryId}",
                (string.IsNullOrWhiteSpace(reason) ? "Removed" : $"Removed: {reason.Trim()}") + (tellClient ? " (client emailed)" : " (client not emailed)"));
            var schedule = await availability.ScheduleAsync(cancellationToken);
            if (tellClient)
            {
                emails.Removed(db, entry, schedule);
            }
            await offers.WithdrawAsync(schedule, entry, except: null, cancellationToken);
            return true;
        }, false, cancellationToken);

    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, T refused, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var result = await work();
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            // Another instance offered the hour in the same moment: the unique index kept one hold.
            db.ChangeTracker.Clear();
            return refused;
        }
    }
}
