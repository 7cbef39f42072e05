using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Diary;

/// <summary>A rule a booking's time breaks, with the words of its tick box.</summary>
public sealed record RuleBox(BookingRule Rule, string Text, bool Ticked);

/// <summary>
/// The booking rules as they apply to staff, for a phone booking and a move alike: a real overlap is always
/// refused (the database refuses it too); every other rule the time breaks is named and must be acknowledged
/// on its own, one tick per rule.
/// </summary>
public sealed class StaffSlotRules(ClinicDbContext db, Availability availability, IOptions<BookingOptions> options)
{
    /// <summary>
    /// Call inside the write transaction. Returns the start in UTC and the rules broken (to show a box for each),
    /// a refusal naming the rules not yet ticked, and, when all are acknowledged, the words for the history
    /// ("rules overridden: ..."). <paramref name="excludingBookingId"/> is the booking being moved.
    /// </summary>
    public async Task<(DeskResult? Refusal, DateTime StartUtc, IReadOnlyList<BookingRule> Broken, string Overridden)> CheckEachAsync(
        SlotChoiceForm form, int treatmentId, int? excludingBookingId, CancellationToken cancellationToken)
    {
        var (refusal, startUtc) = await NeverAllowedAsync(form, excludingBookingId, cancellationToken);
        if (refusal is not null)
        {
            return (refusal, default, [], "");
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var broken = await availability.BrokenAsync(schedule, treatmentId, form.TherapistId!.Value, startUtc, excludingBookingId, cancellationToken);
        var missing = broken.Where(r => !form.Acknowledged.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            var message = broken.Count == 1
                ? "This booking breaks one of the usual rules. Tick the box below to say you know, or choose another time."
                : $"This booking breaks {broken.Count} of the usual rules. Tick each box below to say you know, or choose another time.";
            if (missing.Count < broken.Count)
            {
                message += $" Not ticked yet: {Words(missing)}.";
            }
            return (DeskResult.Refused(nameof(form.Acknowledged), message), default, broken, "");
        }
        return (null, startUtc, broken, broken.Count == 0 ? "" : $" (rules overridden: {Words(broken)})");
    }

    /// <summary>The rules the form's time breaks, each with its box (ticked if the form acknowledged it); none when the time is not complete.</summary>
    public async Task<IReadOnlyList<RuleBox>> BoxesAsync(SlotChoiceForm form, int treatmentId, int? excludingBookingId, CancellationToken cancellationToken)
    {
        if (form.TherapistId is not int therapistId || form.ParsedDate is not DateOnly date || form.ParsedTime is not TimeOnly time)
        {
            return [];
        }
        var local = date.ToDateTime(time);
        if (ClinicTime.Zone.IsInvalidTime(local))
        {
            return [];
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var broken = await availability.BrokenAsync(schedule, treatmentId, therapistId, ClinicTime.ToUtc(local), excludingBookingId, cancellationToken);
        return [.. broken.Select(r => new RuleBox(r, BookingRules.Describe(r, options.Value), form.Acknowledged.Contains(r)))];
    }

    public string Words(IEnumerable<BookingRule> rules) => string.Join("; ", rules.Select(r => BookingRules.Describe(r, options.Value).TrimEnd('.')));

    /// <summary>What staff can never book: a time that does not exist, an unknown therapist, an overlap.</summary>
    private async Task<(DeskResult? Refusal, DateTime StartUtc)> NeverAllowedAsync(SlotChoiceForm form, int? excludingBookingId, CancellationToken cancellationToken)
    {
        var date = form.ParsedDate!.Value;
        var local = date.ToDateTime(form.ParsedTime!.Value);
        if (ClinicTime.Zone.IsInvalidTime(local))
        {
            return (DeskResult.Refused(nameof(form.Time), "That time does not exist on that day: the clocks go forward an hour. Choose another time."), default);
        }
        var therapistId = form.TherapistId!.Value;
        var therapist = await db.Therapists.AsNoTracking().Where(t => t.Id == therapistId).Select(t => t.Name).FirstOrDefaultAsync(cancellationToken);
        if (therapist is null)
        {
            return (DeskResult.Refused(nameof(form.TherapistId), "Choose a therapist from the list."), default);
        }
        var startUtc = ClinicTime.ToUtc(local);
        var endUtc = TreatmentLength.EndOf(startUtc);
        var clash = await db.Bookings.AsNoTracking()
            .Where(a => a.TherapistId == therapistId && a.Id != (excludingBookingId ?? 0))
            .Where(a => a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived || a.Status == BookingStatus.NoShow)
            .Where(a => a.StartUtc < endUtc && a.EndUtc > startUtc)
            .Select(a => (DateTime?)a.StartUtc).FirstOrDefaultAsync(cancellationToken);
        if (clash is DateTime taken)
        {
            return (DeskResult.Refused(nameof(form.Time), $"{therapist} already has a booking at {ClinicTime.Brief(taken)}, which overlaps this hour. A therapist cannot be double-booked: choose another time or therapist."), default);
        }
        return (null, startUtc);
    }
}
