using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

public sealed record ClientRow(int Id, string Name, string Email, string Phone, int Visits, int NoShows);

public sealed record ClientPage(Client Client, IReadOnlyList<DiaryEntry> Bookings, int NoShows, int LateCancellations, IReadOnlyList<ClientRow> PossibleDuplicates);

/// <summary>Client records for the desk: search, visit history, no-shows; merging duplicates for the Owner.</summary>
public sealed class ClientRecords(ClinicDbContext db, DiaryQueries diary, AuditLog audit)
{
    public async Task<IReadOnlyList<ClientRow>> SearchAsync(string? term, CancellationToken cancellationToken)
    {
        var query = db.Clients.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(term))
        {
            var pattern = "%" + Literal(term.Trim()) + "%";
            // SQLite's LIKE ignores case; PostgreSQL's does not, so there the search says ILIKE.
            query = db.Database.IsNpgsql()
                ? query.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.Email, pattern, "\\") || EF.Functions.ILike(c.Phone, pattern, "\\"))
                : query.Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.Email, pattern, "\\") || EF.Functions.Like(c.Phone, pattern, "\\"));
        }
        return await Rows(query.OrderBy(c => c.Name).Take(100)).ToListAsync(cancellationToken);
    }

    public async Task<ClientPage?> PageAsync(int id, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var ids = await db.Bookings.Where(a => a.ClientId == id).Select(a => a.Id).ToListAsync(cancellationToken);
        var bookings = (await diary.EntriesAsync(new DateOnly(2000, 1, 1), new DateOnly(2100, 1, 1), null, cancellationToken)).Where(e => ids.Contains(e.Id)).Reverse().ToList();
        var duplicates = await Rows(db.Clients.AsNoTracking().Where(c => c.Id != id && (c.Name == client.Name || (c.Phone == client.Phone && c.Phone != "")))).ToListAsync(cancellationToken);
        return new ClientPage(client, bookings, bookings.Count(b => b.Status == BookingStatus.NoShow),
            bookings.Count(b => b.Status == BookingStatus.LateCancellation), duplicates);
    }

    /// <summary>Moves every booking of <paramref name="duplicateId"/> to <paramref name="keepId"/>, then deletes the duplicate.</summary>
    public async Task<bool> MergeAsync(int duplicateId, int keepId, CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
        var duplicate = await db.Clients.FirstOrDefaultAsync(c => c.Id == duplicateId, cancellationToken);
        var keep = await db.Clients.FirstOrDefaultAsync(c => c.Id == keepId, cancellationToken);
        if (duplicate is null || keep is null || duplicateId == keepId)
        {
            return false;
        }
        await db.Bookings.Where(a => a.ClientId == duplicateId).ExecuteUpdateAsync(s => s.SetProperty(a => a.ClientId, keepId), cancellationToken);
        db.Clients.Remove(duplicate);
        audit.Add("client.merge", $"client {keepId}", $"client {duplicateId} merged into it");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>A LIKE pattern matching <paramref name="text"/> literally (SQLite's LIKE ignores ASCII case), escaped with a backslash.</summary>
    public static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    /// <summary>Booking forms in progress under <paramref name="email"/>, whatever its case (ILIKE on PostgreSQL, whose LIKE minds case).</summary>
    public static IQueryable<PendingBooking> PendingBookingsOf(ClinicDbContext db, string email)
    {
        var pattern = Literal(email);
        return db.Database.IsNpgsql()
            ? db.PendingBookings.Where(p => p.Email != null && EF.Functions.ILike(p.Email, pattern, "\\"))
            : db.PendingBookings.Where(p => p.Email != null && EF.Functions.Like(p.Email, pattern, "\\"));
    }

    private IQueryable<ClientRow> Rows(IQueryable<Client> clients) => clients.Select(c => new ClientRow(c.Id, c.Name, c.Email, c.Phone,
        db.Bookings.Count(a => a.ClientId == c.Id && a.Status == BookingStatus.Arrived),
        db.Bookings.Count(a => a.ClientId == c.Id && a.Status == BookingStatus.NoShow)));
}
