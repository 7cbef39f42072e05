using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Waitlist;

/// <summary>Why an hour was not offered to an entry (staff see it when they offer by hand).</summary>
public enum OfferRefusal
{
    None,
    NoSuchEntry,
    NotWaiting,
    NotWanted,
    AlreadyOffered,
    AlreadyHeld,
    NotFree,
    TooLate,
}

/// <summary>
/// Offers freed hours, one entry at a time: the first waiting entry by joining order that wants the hour and has
/// not been offered it before gets it, held for them alone (<see cref="HoldClock"/>), with an email in the outbox.
/// Every method runs inside the caller's write transaction (<see cref="WriteTransactions"/>), so two app instances
/// offer one after the other; the unique indexes on <see cref="WaitlistOffer"/> stay the last line.
/// </summary>
public sealed class WaitlistOffers(ClinicDbContext db, Availability availability, HoldClock hold, WaitlistEmails emails, TimeProvider clock)
{
    /// <summary>Offers the hour to the first entry that wants it; null when nobody does or the hour is not free to be offered.</summary>
    public async Task<WaitlistOffer?> OfferToNextAsync(Schedule schedule, FreedHour hour, CancellationToken cancellationToken)
    {
        var now = Now;
        if (schedule.Therapist(hour.TherapistId) is not { } therapist || therapist.TreatmentIds.Count == 0
            || hold.HeldUntil(now, hour.StartUtc) is null
            || await HeldAsync(hour, cancellationToken)
            || await availability.CheckAsync(schedule, therapist.TreatmentIds.First(), hour.TherapistId, hour.StartUtc, cancellationToken: cancellationToken) != SlotProblem.None)
        {
            return null;
        }
        var entry = await WaitlistMatches.FirstAsync(db, therapist.TreatmentIds, hour.TherapistId, hour.StartUtc, cancellationToken);
        return entry is null ? null : await CreateAsync(schedule, entry, hour, offeredBy: null, cancellationToken);
    }

    /// <summary>Staff offer an hour to the entry they chose, ahead of the joining order; the same rules otherwise.</summary>
    public async Task<(WaitlistOffer? Offer, OfferRefusal Refusal)> OfferToEntryAsync(Schedule schedule, int entryId, FreedHour hour, string offeredBy, CancellationToken cancellationToken)
    {
        var entry = await db.WaitlistEntries.FirstOrDefaultAsync(e => e.Id == entryId, cancellationToken);
        var refusal = entry is null ? OfferRefusal.NoSuchEntry
            : entry.State != WaitlistState.Waiting ? OfferRefusal.NotWaiting
            : !WaitlistWishes.Wants(entry, hour.TherapistId, hour.StartUtc) || schedule.Therapist(hour.TherapistId)?.TreatmentIds.Contains(entry.TreatmentId) != true ? OfferRefusal.NotWanted
            : await db.WaitlistOffers.AnyAsync(o => o.EntryId == entryId && o.StartUtc == hour.StartUtc, cancellationToken) ? OfferRefusal.AlreadyOffered
            : await HeldAsync(hour, cancellationToken) ? OfferRefusal.AlreadyHeld
            : hold.HeldUntil(Now, hour.StartUtc) is null ? OfferRefusal.TooLate
            : await availability.CheckAsync(schedule, entry.TreatmentId, hour.TherapistId, hour.StartUtc, cancellationToken: cancellationToken) != SlotProblem.None ? OfferRefusal.NotFree
            : OfferRefusal.None;
        return refusal == OfferRefusal.None
            ? (await CreateAsync(schedule, entry!, hour, offeredBy, cancellationToken), OfferRefusal.None)
            : (null, refusal);
    }

    /// <summary>
    /// Ends the entry's live holds early (it claimed another hour, left, was removed or ended) and passes each hour
    /// on to the next match. <paramref name="except"/>: the offer being claimed.
    /// </summary>
    public async Task WithdrawAsync(Schedule schedule, WaitlistEntry entry, WaitlistOffer? except, CancellationToken cancellationToken)
    {
        var live = await db.WaitlistOffers.Where(o => o.EntryId == entry.Id && o.State == OfferState.Offered).ToListAsync(cancellationToken);
        foreach (var offer in live.Where(o => o != except))
        {
            offer.State = OfferState.Withdrawn;
            offer.EndedAtUtc = Now;
        }
        await db.SaveChangesAsync(cancellationToken);
        foreach (var offer in live.Where(o => o != except))
        {
            await OfferToNextAsync(schedule, new FreedHour(offer.TherapistId, offer.StartUtc), cancellationToken);
        }
    }

    /// <summary>A hold has run out or was declined: it ends, the entry hears (on expiry), and the hour goes to the next match.</summary>
    public async Task EndAndPassOnAsync(Schedule schedule, WaitlistOffer offer, OfferState how, CancellationToken cancellationToken)
    {
        offer.State = how;
        offer.EndedAtUtc = Now;
        var entry = offer.Entry ?? await db.WaitlistEntries.FirstAsync(e => e.Id == offer.EntryId, cancellationToken);
        if (how == OfferState.Expired && entry.State == WaitlistState.Waiting)
        {
            emails.Expired(db, entry, offer);
        }
        await db.SaveChangesAsync(cancellationToken);
        await OfferToNextAsync(schedule, new FreedHour(offer.TherapistId, offer.StartUtc), cancellationToken);
    }

    private Task<bool> HeldAsync(FreedHour hour, CancellationToken cancellationToken) =>
        db.WaitlistOffers.AnyAsync(o => o.TherapistId == hour.TherapistId && o.StartUtc == hour.StartUtc && o.State == OfferState.Offered, cancellationToken);

    private async Task<WaitlistOffer> CreateAsync(Schedule schedule, WaitlistEntry entry, FreedHour hour, string? offeredBy, CancellationToken cancellationToken)
    {
        var now = Now;
        var token = Secrets.NewToken();
        var offer = new WaitlistOffer
        {
            EntryId = entry.Id,
            Entry = entry,
            TherapistId = hour.TherapistId,
            StartUtc = hour.StartUtc,
            OfferedAtUtc = now,
            HeldUntilUtc = hold.HeldUntil(now, hour.StartUtc)!.Value,
            ClaimTokenHash = Secrets.Hash(token),
            OfferedBy = offeredBy,
        };
        db.WaitlistOffers.Add(offer);
        // Saved at once, inside the transaction: the email's key names the offer, and a second offer of this hour
        // (another instance, another path) meets the unique index here rather than at commit.
        await db.SaveChangesAsync(cancellationToken);
        emails.Offered(db, entry, offer, schedule, token);
        await db.SaveChangesAsync(cancellationToken);
        return offer;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}

/// <summary>The query a freed hour asks of the waitlist: the first waiting entry, by joining order, that wants it.</summary>
public static class WaitlistMatches
{
    public static Task<WaitlistEntry?> FirstAsync(ClinicDbContext db, IReadOnlySet<int> treatmentIds, int therapistId, DateTime startUtc, CancellationToken cancellationToken)
    {
        var local = ClinicTime.ToLocal(startUtc);
        var date = DateOnly.FromDateTime(local);
        var part = (int)WaitlistWishes.PartOf(TimeOnly.FromDateTime(local));
        var day = WaitlistEntry.WeekdayBit(local.DayOfWeek);
        var treatments = treatmentIds.ToList();
        return db.WaitlistEntries
            .Where(e => e.State == WaitlistState.Waiting && e.FromDate <= date && e.ToDate >= date)
            .Where(e => treatments.Contains(e.TreatmentId) && (e.TherapistId == null || e.TherapistId == therapistId))
            .Where(e => e.Times == DayParts.None || ((int)e.Times & part) != 0)
            .Where(e => e.Weekdays == 0 || (e.Weekdays & day) != 0)
            .Where(e => !db.WaitlistOffers.Any(o => o.EntryId == e.Id && o.StartUtc == startUtc))
            .OrderBy(e => e.JoinedAtUtc).ThenBy(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
