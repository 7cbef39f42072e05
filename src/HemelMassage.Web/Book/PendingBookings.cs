using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Book;

/// <summary>Where a booking in progress stands, for the browser asking.</summary>
public enum PendingState
{
    /// <summary>No such key (or long gone): the only case for "this link is not valid".</summary>
    Unknown,
    /// <summary>The key exists but this browser did not start it: nothing of it is shown or changed.</summary>
    OtherBrowser,
    InProgress,
    /// <summary>Its time was let go; what was typed is kept for <see cref="PendingBookings.KeptAfterExpiry"/>.</summary>
    Expired,
    Confirmed,
}

/// <summary>The booking being filled in, step by step, kept server-side under a random key and bound to its browser.</summary>
public sealed class PendingBookings(ClinicDbContext db, Availability availability, TimeProvider clock, IOptions<BookingOptions> options, Intake.HealthAnswerProtector protector)
{
    /// <summary>
    /// How long after its time is let go a booking in progress stays for the browser that started it (to pick a
    /// new time without typing again), and a confirmed one still answers Back with the booking made.
    /// </summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    /// <summary>The booking in progress under <paramref name="key"/>, only for the browser holding <paramref name="browserSecret"/>.</summary>
    public async Task<(PendingState State, PendingBooking? Pending)> OpenAsync(string? key, string? browserSecret, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return (PendingState.Unknown, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var kept = now - KeptAfterExpiry;
        var pending = await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == key && p.ExpiresAtUtc > kept, cancellationToken);
        if (pending is null)
        {
            return (PendingState.Unknown, null);
        }
        if (browserSecret is null || pending.BrowserHash is null || !Secrets.SameHash(pending.BrowserHash, Secrets.Hash(browserSecret)))
        {
            return (PendingState.OtherBrowser, null);
        }
        var state = pending.BookingId is not null ? PendingState.Confirmed
            : pending.ExpiresAtUtc > now ? PendingState.InProgress
            : PendingState.Expired;
        return (state, pending);
    }

    /// <summary>Checks the posted hour against every rule; when it holds, remembers it (on <paramref name="pending"/>, else a new key).</summary>
    /// <param name="browserSecret">Called only once the hour holds: the secret of the browser's booking cookie.</param>
    public async Task<(SlotProblem Problem, PendingBooking? Pending)> ChooseAsync(
        Schedule schedule, TreatmentChoice treatment, int? therapistId, DateTime startUtc, PendingBooking? pending, Func<string> browserSecret,
        CancellationToken cancellationToken)
    {
        var problem = await availability.CheckAsync(schedule, treatment.Id, therapistId, startUtc, cancellationToken: cancellationToken);
        if (problem != SlotProblem.None)
        {
            return (problem, null);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var gone = now - KeptAfterExpiry;
        await db.PendingBookings.Where(p => p.ExpiresAtUtc < gone).ExecuteDeleteAsync(cancellationToken);
        var secret = browserSecret();
        if (pending is null)
        {
            pending = new PendingBooking { Key = Secrets.NewToken(), BrowserHash = Secrets.Hash(secret) };
            db.PendingBookings.Add(pending);
        }
        pending.TreatmentId = treatment.Id;
        pending.TherapistId = therapistId;
        pending.StartUtc = startUtc;
        pending.ExpiresAtUtc = now + options.Value.PendingLifetime;
        await db.SaveChangesAsync(cancellationToken);
        return (SlotProblem.None, pending);
    }

    /// <param name="isChecked">False when the form is kept as typed without passing its checks ("Change time", or a time let go).</param>
    /// <returns>True when health information was given without consent, and so not kept.</returns>
    public async Task<bool> SaveDetailsAsync(PendingBooking pending, DetailsForm form, bool isChecked, CancellationToken cancellationToken)
    {
        pending.Name = Kept(form.Name, 100);
        pending.Email = Kept(form.Email, 254);
        pending.Phone = Kept(form.Phone, 20);
        pending.FirstVisit = form.Visit switch { "first" => true, "returning" => false, _ => null };
        pending.Note = Kept(form.Note, 1000);
        pending.AcceptedPolicy = form.AcceptPolicy;
        pending.DetailsChecked = isChecked;
        var dropped = Intake.IntakeForms.Save(pending, isChecked ? form : Intake.IntakeForms.Bounded(form), protector, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return dropped;
    }

    /// <summary>Booked bookings still to come for this email address (clients are stored by lower-cased email).</summary>
    public Task<int> OpenBookingsAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        return db.Bookings.CountAsync(a => a.Client!.Email == normalised && a.Status == BookingStatus.Booked && a.StartUtc > now, cancellationToken);
    }

    /// <summary>The details as the client left them, health answers decrypted for their own page only.</summary>
    public DetailsForm DetailsOf(PendingBooking pending) => Intake.IntakeForms.Fill(new DetailsForm
    {
        Name = pending.Name,
        Email = pending.Email,
        Phone = pending.Phone,
        Visit = pending.FirstVisit switch { true => "first", false => "returning", null => null },
        Note = pending.Note,
        AcceptPolicy = pending.AcceptedPolicy,
    }, pending, protector);

    /// <summary>Trimmed, empty as null, and no longer than its column (a draft is kept as typed, but not beyond that).</summary>
    private static string? Kept(string? value, int length)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Length > length ? trimmed[..length] : trimmed;
    }
}
