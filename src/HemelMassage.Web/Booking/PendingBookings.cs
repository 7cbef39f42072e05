using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Booking;

/// <summary>The booking being filled in, step by step, kept server-side under a random key.</summary>
public sealed class PendingBookings(ClinicDbContext db, Availability availability, IOptions<BookingOptions> options, Intake.HealthAnswerProtector protector)
{
    /// <summary>Checks the posted hour against every rule; when it holds, remembers it and returns the key.</summary>
    public async Task<(SlotProblem Problem, PendingBooking? Pending)> ChooseAsync(
        Schedule schedule, TreatmentChoice treatment, int? therapistId, DateTime startUtc, string? pendingKey, CancellationToken cancellationToken)
    {
        var problem = await availability.CheckAsync(schedule, treatment.Id, therapistId, startUtc, cancellationToken: cancellationToken);
        if (problem != SlotProblem.None)
        {
            return (problem, null);
        }
        var now = availability.NowUtc;
        await db.PendingBookings.Where(p => p.ExpiresAtUtc < now).ExecuteDeleteAsync(cancellationToken);
        var pending = pendingKey is null ? null : await FindAsync(pendingKey, cancellationToken);
        if (pending is null)
        {
            pending = new PendingBooking { Key = Secrets.NewToken() };
            db.PendingBookings.Add(pending);
        }
        pending.TreatmentId = treatment.Id;
        pending.TherapistId = therapistId;
        pending.StartUtc = startUtc;
        pending.ExpiresAtUtc = now + options.Value.PendingLifetime;
        await db.SaveChangesAsync(cancellationToken);
        return (SlotProblem.None, pending);
    }

    /// <summary>A pending booking still being filled in; null when unknown, expired or already confirmed.</summary>
    public async Task<PendingBooking?> FindAsync(string? key, CancellationToken cancellationToken)
    {
        if (!Secrets.LooksLikeToken(key))
        {
            return null;
        }
        var now = availability.NowUtc;
        return await db.PendingBookings.FirstOrDefaultAsync(p => p.Key == key && p.ExpiresAtUtc > now && p.AppointmentId == null, cancellationToken);
    }

    /// <returns>True when health information was given without consent, and so not kept.</returns>
    public async Task<bool> SaveDetailsAsync(PendingBooking pending, DetailsForm form, CancellationToken cancellationToken)
    {
        pending.Name = form.Name!.Trim();
        pending.Email = form.Email!.Trim();
        pending.Phone = form.Phone!.Trim();
        pending.FirstVisit = form.Visit == "first";
        pending.Note = string.IsNullOrWhiteSpace(form.Note) ? null : form.Note.Trim();
        pending.AcceptedPolicy = form.AcceptPolicy;
        var dropped = Intake.IntakeForms.Save(pending, form, protector, availability.NowUtc);
        await db.SaveChangesAsync(cancellationToken);
        return dropped;
    }

    /// <summary>Booked appointments still to come for this email address (clients are stored by lower-cased email).</summary>
    public Task<int> OpenBookingsAsync(string email, CancellationToken cancellationToken)
    {
        var normalised = email.Trim().ToLowerInvariant();
        var now = availability.NowUtc;
        return db.Appointments.CountAsync(a => a.Client!.Email == normalised && a.Status == AppointmentStatus.Booked && a.StartUtc > now, cancellationToken);
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
}
