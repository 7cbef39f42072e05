using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Diary;

/// <summary>
/// The booking rules as they apply to staff: a real overlap is always refused (the database refuses it
/// too), every other rule may be overridden once the member of staff ticks that they know.
/// </summary>
public sealed class StaffSlotRules(ClinicDbContext db, Availability availability, IOptions<BookingOptions> options)
{
    public const string OverrideLabel = "I know this is outside the usual rules";

    /// <summary>Call inside the write transaction. Returns the start in UTC, or a refusal for the form.</summary>
    public async Task<(DeskResult? Refusal, DateTime StartUtc, string Overridden)> CheckAsync(
        SlotChoiceForm form, int treatmentId, int? excludingBookingId, CancellationToken cancellationToken)
    {
        var (refusal, startUtc) = await NeverAllowedAsync(form, excludingBookingId, cancellationToken);
        if (refusal is not null)
        {
            return (refusal, default, "");
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var problem = await availability.CheckAsync(schedule, treatmentId, form.TherapistId!.Value, startUtc, excludingBookingId, cancellationToken);
        if (problem == SlotProblem.None)
        {
            return (null, startUtc, "");
        }
        var why = Reason(problem);
        if (!form.Override)
        {
            return (DeskResult.Refused(nameof(form.Override), $"This time is outside the usual rules: {why}. Tick \"{OverrideLabel}\" to book it anyway."), default, "");
        }
        return (null, startUtc, $" (rules overridden: {why})");
    }

    /// <summary>
    /// Like <see cref="CheckAsync"/>, but each rule the start breaks must be acknowledged on its own: one tick
    /// lifts one rule. Returns the rules broken (to show a box for each) and, when all are acknowledged, the
    /// words for the history ("rules overridden: ...").
    /// </summary>
    public async Task<(DeskResult? Refusal, DateTime StartUtc, IReadOnlyList<BookingRule> Broken, string Overridden)> CheckEachAsync(
        SlotChoiceForm form, int treatmentId, IReadOnlyCollection<BookingRule> acknowledged, CancellationToken cancellationToken)
    {
        var (refusal, startUtc) = await NeverAllowedAsync(form, null, cancellationToken);
        if (refusal is not null)
        {
            return (refusal, default, [], "");
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var broken = await availability.BrokenAsync(schedule, treatmentId, form.TherapistId!.Value, startUtc, null, cancellationToken);
        var missing = broken.Where(r => !acknowledged.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            var message = broken.Count == 1
                ? "This booking breaks one of the usual rules. Tick the box below to say you know, or choose another time."
                : $"This booking breaks {broken.Count} of the usual rules. Tick each box below to say you know, or choose another time.";
            return (DeskResult.Refused("Acknowledged", message), default, broken, "");
        }
        var words = string.Join("; ", broken.Select(r => BookingRules.Describe(r, options.Value).TrimEnd('.')));
        return (null, startUtc, broken, broken.Count == 0 ? "" : $" (rules overridden: {words})");
    }

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

    public static string Reason(SlotProblem problem) => problem switch
    {
        SlotProblem.OffGrid => "it is not one of the usual start times",
        SlotProblem.TooSoon => "it is sooner than the usual minimum notice, or in the past",
        SlotProblem.TooFar => "it is further ahead than clients may book",
        SlotProblem.Closed => "the clinic is closed that day",
        SlotProblem.NotWorking => "the therapist is not working then (hours, break or time off), or does not usually give this treatment",
        SlotProblem.Taken => "it leaves less than the usual changeover time between bookings",
        _ => "a booking rule is not met",
    };
}
