using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

/// <summary>Which record's value wins, field by field: the kept record's own, or the other's.</summary>
public sealed class MergeForm
{
    public bool NameFromOther { get; set; }
    public bool EmailFromOther { get; set; }
    public bool PhoneFromOther { get; set; }
    public bool Confirm { get; set; }
}

public sealed record MergeReview(Client Keep, Client Other, int KeepBookings, int OtherBookings, MergeForm Form);

public enum MergeOutcome { Merged, Gone, NotLikelyDuplicates, NotConfirmed }

/// <summary>
/// Two records of one person made one, after the Owner has seen both side by side and chosen what wins:
/// the other record's bookings and links move to the kept one, staff notes of both are kept, the other
/// record is deleted. Offered only for likely duplicates (<see cref="ClientRecords.LikelyDuplicates"/>).
/// </summary>
public sealed class ClientMerge(ClinicDbContext db, ClientRecords records, AuditLog audit)
{
    public async Task<MergeReview?> ReviewAsync(int keepId, int otherId, MergeForm form, CancellationToken cancellationToken)
    {
        var keep = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == keepId, cancellationToken);
        var other = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == otherId, cancellationToken);
        if (keep is null || other is null || keepId == otherId || !await records.AreLikelyDuplicatesAsync(keep, otherId, cancellationToken))
        {
            return null;
        }
        return new MergeReview(keep, other,
            await db.Bookings.CountAsync(a => a.ClientId == keepId, cancellationToken), await db.Bookings.CountAsync(a => a.ClientId == otherId, cancellationToken), form);
    }

    public async Task<MergeOutcome> MergeAsync(int keepId, int otherId, MergeForm form, CancellationToken cancellationToken)
    {
        if (!form.Confirm)
        {
            return MergeOutcome.NotConfirmed;
        }
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var keep = await db.Clients.FirstOrDefaultAsync(c => c.Id == keepId, cancellationToken);
        var other = await db.Clients.FirstOrDefaultAsync(c => c.Id == otherId, cancellationToken);
        if (keep is null || other is null || keepId == otherId)
        {
            return MergeOutcome.Gone;
        }
        if (!await records.AreLikelyDuplicatesAsync(keep, otherId, cancellationToken))
        {
            return MergeOutcome.NotLikelyDuplicates;
        }
        var (name, email, phone) = (form.NameFromOther ? other.Name : keep.Name, form.EmailFromOther ? other.Email : keep.Email, form.PhoneFromOther ? other.Phone : keep.Phone);
        var notes = string.Join("\n\n", new[] { keep.StaffNotes, other.StaffNotes }.Where(n => !string.IsNullOrWhiteSpace(n)));
        await db.Bookings.Where(a => a.ClientId == otherId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientId, keepId), cancellationToken);
        await db.MailboxLinks.Where(l => l.ClientId == otherId).ExecuteUpdateAsync(s => s.SetProperty(l => l.ClientId, keepId), cancellationToken);
        await db.SummaryConsents.Where(c => c.ClientId == otherId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ClientId, keepId), cancellationToken);
        keep.FirstVisit = keep.FirstVisit && other.FirstVisit;
        keep.NoFollowUp = keep.NoFollowUp || other.NoFollowUp;
        keep.NoReminders = keep.NoReminders || other.NoReminders;
        keep.ErasureRequestedAtUtc ??= other.ErasureRequestedAtUtc;
        db.Clients.Remove(other);
        // The other record goes first: the kept one may take its email address, which is unique.
        await db.SaveChangesAsync(cancellationToken);
        (keep.Name, keep.Email, keep.Phone) = (name, email, phone);
        keep.StaffNotes = notes.Length == 0 ? null : notes[..Math.Min(notes.Length, 2000)];
        var taken = string.Join(", ", new[] { form.NameFromOther ? "name" : null, form.EmailFromOther ? "email" : null, form.PhoneFromOther ? "phone" : null }.OfType<string>());
        audit.Add("client.merge", $"client {keepId}", $"client {otherId} merged into it{(taken.Length == 0 ? "" : $"; its {taken} kept")}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return MergeOutcome.Merged;
    }
}
