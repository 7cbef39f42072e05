using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Waitlist;

/// <summary>What a join came to: the entry, or the field the problem belongs to and the words for it.</summary>
public sealed record JoinResult(WaitlistEntry? Entry, string? Field = null, string? Problem = null);

/// <summary>
/// Joining and leaving the waitlist. A join is checked against the schedule (the treatment is booked online, the
/// therapist gives it, the dates lie in the booking window) and the per-address limit, counted inside the write
/// transaction so two tabs cannot both slip under it; the confirmation email with the leave link commits with it.
/// </summary>
public sealed class WaitlistJoining(
    ClinicDbContext db, Availability availability, DayChoices days, WaitlistEmails emails, WaitlistOffers offers,
    IOptions<WaitlistOptions> options, TimeProvider clock)
{
    public async Task<JoinResult> JoinAsync(JoinForm form, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        if (schedule.Treatment(form.Treatment) is not { } treatment)
        {
            return new JoinResult(null, nameof(JoinForm.Treatment), "Please choose a treatment from the list.");
        }
        if (!TherapistChoice.TryParse(form.Therapist, out var therapistId) || therapistId is int id && schedule.Therapist(id)?.TreatmentIds.Contains(treatment.Id) != true)
        {
            return new JoinResult(null, nameof(JoinForm.Therapist), "Please choose a therapist who gives this treatment, or no preference.");
        }
        var (first, last) = days.Window;
        if (!JoinForm.TryDate(form.From, out var from) || !JoinForm.TryDate(form.To, out var to) || from < first || to > last)
        {
            return new JoinResult(null, from < first ? nameof(JoinForm.From) : nameof(JoinForm.To),
                $"Please choose days from {first:d MMMM} to {last:d MMMM yyyy}: we take bookings up to {Durations.Say(days.WindowLength)} ahead.");
        }
        var email = form.Email!.Trim().ToLowerInvariant();
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        if (await db.WaitlistEntries.CountAsync(e => e.Email == email && e.State == WaitlistState.Waiting, cancellationToken) >= options.Value.MaxEntriesPerEmail)
        {
            return new JoinResult(null, nameof(JoinForm.Email),
                $"This email address is already waiting for {options.Value.MaxEntriesPerEmail} times, as many as we take. Please leave one of them (the link is in its email) or phone us.");
        }
        var token = Secrets.NewToken();
        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new WaitlistEntry
        {
            TreatmentId = treatment.Id,
            TherapistId = therapistId,
            FromDate = from,
            ToDate = to,
            EndsAtUtc = ClinicTime.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)),
            Times = form.Parts,
            Weekdays = form.Weekdays,
            Name = form.Name!.Trim(),
            Email = email,
            Phone = form.Phone!.Trim(),
            JoinedAtUtc = now,
            LeaveTokenHash = Secrets.Hash(token),
        };
        db.WaitlistEntries.Add(entry);
        emails.Joined(db, entry, schedule, token);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new JoinResult(entry);
    }

    public async Task<WaitlistEntry?> FindByLeaveTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return null;
        }
        var hash = Secrets.Hash(token);
        return await db.WaitlistEntries.AsNoTracking().FirstOrDefaultAsync(e => e.LeaveTokenHash == hash, cancellationToken);
    }

    /// <summary>Leaves the list from the emailed link: its live holds end and pass on. False for a link that names no entry.</summary>
    public Task<bool> LeaveAsync(string token, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(token))
        {
            return Task.FromResult(false);
        }
        var hash = Secrets.Hash(token);
        return LeaveAsync(e => e.LeaveTokenHash == hash, cancellationToken);
    }

    /// <summary>The entries of an address still waiting, first joined first: a signed-in client's own.</summary>
    public Task<List<WaitlistEntry>> WaitingAsync(string email, CancellationToken cancellationToken) =>
        db.WaitlistEntries.AsNoTracking().Where(e => e.Email == email && e.State == WaitlistState.Waiting).OrderBy(e => e.JoinedAtUtc).ToListAsync(cancellationToken);

    /// <summary>Leaves from the client's own page: only an entry under their address.</summary>
    public Task<bool> LeaveAsync(int entryId, string email, CancellationToken cancellationToken) =>
        LeaveAsync(e => e.Id == entryId && e.Email == email, cancellationToken);

    private async Task<bool> LeaveAsync(System.Linq.Expressions.Expression<Func<WaitlistEntry, bool>> which, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var entry = await db.WaitlistEntries.FirstOrDefaultAsync(which, cancellationToken);
        if (entry is null)
        {
            return false;
        }
        if (entry.State == WaitlistState.Waiting)
        {
            entry.State = WaitlistState.Left;
            entry.ClosedAtUtc = clock.GetUtcNow().UtcDateTime;
            await offers.WithdrawAsync(await availability.ScheduleAsync(cancellationToken), entry, except: null, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
