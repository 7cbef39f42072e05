using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.PhoneBooking;

/// <summary>One free hour to pick: its form value (local HH:mm) and its words.</summary>
public sealed record FreeHour(string Value, string Label);

public sealed record PhoneBookingPage(
    PhoneBookingForm Form, IReadOnlyList<TherapistOption> Therapists, IReadOnlyList<TherapistOption> Treatments,
    IReadOnlyList<ClientMatch>? Matches, ClientMatch? Picked, IReadOnlyList<FreeHour> FreeHours, string? FreeHoursNote, IReadOnlyList<RuleBox> Rules);

/// <summary>
/// What the phone-booking page shows for what is chosen so far: the clients matching the search, the
/// free hours of the chosen day and therapist (the same calculation as the client's times page), and
/// each rule the chosen time breaks, so staff see them before they press "Book".
/// </summary>
public sealed class PhoneBookingPages(ClinicDbContext db, DiaryQueries diary, Availability availability, StaffSlotRules rules)
{
    public const int MatchLimit = 8;

    public async Task<PhoneBookingPage> BuildAsync(PhoneBookingForm form, bool searched, CancellationToken cancellationToken)
    {
        var matches = searched ? await ClientSearch.FindAsync(db, form.Search, MatchLimit, cancellationToken) : null;
        var picked = form.ClientId is int id
            ? await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => new ClientMatch(c.Id, c.Name, c.Email, c.Phone)).FirstOrDefaultAsync(cancellationToken)
            : null;
        var (hours, note) = await FreeHoursAsync(form, cancellationToken);
        return new PhoneBookingPage(form, await diary.TherapistsAsync(cancellationToken), await diary.TreatmentsAsync(cancellationToken),
            matches, picked, hours, note, await RulesAsync(form, cancellationToken));
    }

    public async Task<int?> FirstTreatmentOfAsync(int? therapistId, CancellationToken cancellationToken)
    {
        if (therapistId is not int id)
        {
            return null;
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        return schedule.Therapist(id) is { } therapist ? schedule.Treatments.FirstOrDefault(t => therapist.TreatmentIds.Contains(t.Id))?.Id : null;
    }

    public Task<IReadOnlyList<ClientMatch>> MatchesAsync(string? term, CancellationToken cancellationToken) =>
        ClientSearch.FindAsync(db, term, MatchLimit, cancellationToken);

    public async Task<(IReadOnlyList<FreeHour> Hours, string? Note)> FreeHoursAsync(PhoneBookingForm form, CancellationToken cancellationToken)
    {
        if (form.TherapistId is not int therapistId || form.TreatmentId is not int treatmentId || form.ParsedDate is not DateOnly date)
        {
            return ([], "Choose the treatment, therapist and day to see the free hours.");
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var free = await availability.FreeTimesAsync(schedule, treatmentId, therapistId, cancellationToken: cancellationToken);
        var hours = free.On(date).Select(s => new FreeHour(
            s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture),
            $"{s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture)} to {s.LocalEnd.ToString("HH:mm", CultureInfo.InvariantCulture)}")).ToList();
        var name = schedule.Therapist(therapistId)?.Name ?? "The therapist";
        return (hours, hours.Count > 0 ? null
            : $"{name} has no free hour clients could book on {date.ToString("dddd d MMMM", CultureInfo.GetCultureInfo("en-GB"))}. Type a start time below to book outside the usual rules, or choose another day or therapist.");
    }

    private Task<IReadOnlyList<RuleBox>> RulesAsync(PhoneBookingForm form, CancellationToken cancellationToken) =>
        form.TreatmentId is int treatmentId ? rules.BoxesAsync(form, treatmentId, null, cancellationToken) : Task.FromResult<IReadOnlyList<RuleBox>>([]);
}
