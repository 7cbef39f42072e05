using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Waitlist;

public enum ClaimOutcome
{
    /// <summary>No offer has this link (forged, mistyped).</summary>
    NotFound,
    Booked,
    /// <summary>The hold ran out, was declined or withdrawn: the entry stays on the list if it was waiting.</summary>
    HoldEnded,
    /// <summary>The hour was taken (or broke a rule) after it was offered: the entry stays on the list.</summary>
    Taken,
    /// <summary>The entry is no longer waiting (left, removed, ended, or booked another hour).</summary>
    EntryClosed,
    Declined,
}

/// <summary>What the claim page shows: the offer as it stands now.</summary>
public sealed record OfferView(WaitlistOffer Offer, WaitlistEntry Entry, bool Live);

/// <param name="ManageToken">The new booking's manage token, for the response only.</param>
public sealed record ClaimResult(ClaimOutcome Outcome, OfferView? Offer = null, string? ManageToken = null);

/// <summary>
/// Claiming and declining an offered hour from the link in the offer email. A claim is a booking like any other:
/// inside <see cref="BookingWrites.RunAsync{T}"/>' write transaction every rule is checked again (the hold must
/// still be live, the hour still free by <see cref="Availability"/>), then <see cref="BookingWrites.CreateAsync"/>
/// writes the one booking and its confirmation. The link came to the entry's own mailbox, so the online per-address
/// cap on bookings does not apply, as for a mailbox-proved booking.
/// </summary>
public sealed class WaitlistClaims(ClinicDbContext db, BookingWrites writes, WaitlistOffers offers, Availability availability, TimeProvider clock)
{
    public async Task<OfferView?> FindAsync(string token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token);
        var offer = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).FirstOrDefaultAsync(o => o.ClaimTokenHash == hash, cancellationToken);
        return offer is null ? null : new OfferView(offer, offer.Entry!, offer.IsHeldAt(Now) && offer.Entry!.State == WaitlistState.Waiting);
    }

    /// <summary>
    /// The hold is judged at the moment the claim was posted, not when it gets its turn at the write lock: a claim
    /// posted before the hold ends books the hour even if the job's pass ran first (it passes holds on only
    /// <see cref="HoldClock.ClaimGrace"/> later), and one posted after it never does.
    /// </summary>
    public Task<ClaimResult> ClaimAsync(string token, CancellationToken cancellationToken) =>
        RunOnOfferAsync(token, Now, async (offer, entry) =>
        {
            // The hold ends first, in this transaction, so the hour reads as free to its own holder only.
            offer.State = OfferState.Claimed;
            offer.EndedAtUtc = Now;
            await db.SaveChangesAsync(cancellationToken);
            var schedule = await availability.ScheduleAsync(cancellationToken);
            if (await availability.CheckAsync(schedule, entry.TreatmentId, offer.TherapistId, offer.StartUtc, cancellationToken: cancellationToken) != SlotProblem.None)
            {
                offer.State = OfferState.Withdrawn;
                return new ClaimResult(ClaimOutcome.Taken, View(offer, entry));
            }
            var created = await writes.CreateAsync(
                new NewBooking($"waitlist-offer-{offer.Id}", entry.TreatmentId, offer.TherapistId, offer.StartUtc,
                    entry.Name, entry.Email, entry.Phone, FirstVisit: null, Note: null, NoFollowUp: false),
                Actor.ClientOnline, "Booked from the waitlist", cancellationToken);
            offer.BookingId = created.Booking.Id;
            entry.State = WaitlistState.Booked;
            entry.BookingId = created.Booking.Id;
            entry.ClosedAtUtc = Now;
            // Its other holds end early and pass on.
            await offers.WithdrawAsync(schedule, entry, except: offer, cancellationToken);
            return new ClaimResult(ClaimOutcome.Booked, View(offer, entry), created.ManageToken);
        }, cancellationToken);

    /// <summary>The client does not want this hour: it goes to the next match at once; they stay on the list.</summary>
    public Task<ClaimResult> DeclineAsync(string token, CancellationToken cancellationToken) =>
        RunOnOfferAsync(token, Now, async (offer, entry) =>
        {
            await offers.EndAndPassOnAsync(await availability.ScheduleAsync(cancellationToken), offer, OfferState.Declined, cancellationToken);
            return new ClaimResult(ClaimOutcome.Declined, View(offer, entry));
        }, cancellationToken);

    private async Task<ClaimResult> RunOnOfferAsync(string token, DateTime postedAt, Func<WaitlistOffer, WaitlistEntry, Task<ClaimResult>> act, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return new ClaimResult(ClaimOutcome.NotFound);
        }
        var hash = Secrets.Hash(token);
        return await writes.RunAsync(async () =>
        {
            var offer = await db.WaitlistOffers.Include(o => o.Entry).FirstOrDefaultAsync(o => o.ClaimTokenHash == hash, cancellationToken);
            if (offer is null)
            {
                return new ClaimResult(ClaimOutcome.NotFound);
            }
            var entry = offer.Entry!;
            if (offer.State == OfferState.Claimed)
            {
                // Pressed twice: the first press booked it.
                return new ClaimResult(ClaimOutcome.Booked, View(offer, entry));
            }
            if (entry.State != WaitlistState.Waiting)
            {
                return new ClaimResult(ClaimOutcome.EntryClosed, View(offer, entry));
            }
            if (!offer.IsHeldAt(postedAt))
            {
                return new ClaimResult(offer.State == OfferState.Declined ? ClaimOutcome.Declined : ClaimOutcome.HoldEnded, View(offer, entry));
            }
            return await act(offer, entry);
        }, async _ =>
        {
            // The database refused (the hour was booked in the same moment): nothing was kept, the entry still waits.
            var offer = await db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).FirstOrDefaultAsync(o => o.ClaimTokenHash == hash, cancellationToken);
            return new ClaimResult(offer?.State == OfferState.Claimed ? ClaimOutcome.Booked : ClaimOutcome.Taken, offer is null ? null : View(offer, offer.Entry!));
        }, cancellationToken);
    }

    private OfferView View(WaitlistOffer offer, WaitlistEntry entry) => new(offer, entry, offer.IsHeldAt(Now) && entry.State == WaitlistState.Waiting);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
