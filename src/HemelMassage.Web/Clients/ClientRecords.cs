using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

public sealed record ClientRow(int Id, string Name, string Email, string Phone, int Visits, int NoShows);

/// <summary>One visit or booking on a client's page.</summary>
public sealed record ClientVisit(int Id, string Reference, DateTime StartUtc, int TreatmentId, string TreatmentName, int TherapistId, string TherapistName, BookingStatus Status);

/// <param name="Page">1 is the newest <see cref="ClientRecords.PageSize"/> bookings.</param>
public sealed record ClientPage(
    Client Client, IReadOnlyList<ClientVisit> Bookings, int Page, int TotalBookings, int NoShows, int LateCancellations,
    IReadOnlyList<ClientRow> PossibleDuplicates, ClientVisit? Latest)
{
    public int Pages => Math.Max(1, (TotalBookings + ClientRecords.PageSize - 1) / ClientRecords.PageSize);
}

/// <summary>Client records for the desk: search, visit history, no-shows; merging duplicates for the Owner.</summary>
public sealed class ClientRecords(ClinicDbContext db, AuditLog audit)
{
    public const int PageSize = 20;

    public async Task<IReadOnlyList<ClientRow>> SearchAsync(string? term, CancellationToken cancellationToken)
    {
        var query = string.IsNullOrWhiteSpace(term) ? db.Clients.AsNoTracking() : ClientSearch.Matching(db, term);
        return await Rows(query.OrderBy(c => c.Name).ThenBy(c => c.Id).Take(100)).ToListAsync(cancellationToken);
    }

    public async Task<ClientPage?> PageAsync(int id, int page, CancellationToken cancellationToken)
    {
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return null;
        }
        var theirs = db.Bookings.AsNoTracking().Where(a => a.ClientId == id);
        var counts = await theirs.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var total = counts.Sum(c => c.Count);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var bookings = await Visits(theirs.OrderByDescending(a => a.StartUtc).ThenByDescending(a => a.Id).Skip((page - 1) * PageSize).Take(PageSize))
            .ToListAsync(cancellationToken);
        var latest = page == 1 ? bookings.FirstOrDefault() : await Visits(theirs.OrderByDescending(a => a.StartUtc).Take(1)).FirstOrDefaultAsync(cancellationToken);
        return new ClientPage(client, bookings, page, total,
            counts.Where(c => c.Key == BookingStatus.NoShow).Sum(c => c.Count), counts.Where(c => c.Key == BookingStatus.LateCancellation).Sum(c => c.Count),
            await Rows(LikelyDuplicates(client)).ToListAsync(cancellationToken), latest);
    }

    /// <summary>
    /// The records that are likely the same person: the same email, or the same name and phone. Never
    /// everyone who shares a phone number (a family, a shared office line).
    /// </summary>
    public IQueryable<Client> LikelyDuplicates(Client client)
    {
        // Two indexed lookups rather than one OR across columns, which would read every client.
        var (id, email, key, name) = (client.Id, client.Email, client.PhoneKey, client.Name);
        var samePhoneAndName = db.Clients.AsNoTracking().Where(c => key != "" && c.PhoneKey == key && c.Name == name && c.Id != id);
        var sameEmail = db.Clients.AsNoTracking().Where(c => email != "" && c.Email != "" && c.Email == email && c.Id != id);
        return samePhoneAndName.Union(sameEmail).OrderBy(c => c.Id).Take(10);
    }

    public async Task<bool> AreLikelyDuplicatesAsync(Client one, int otherId, CancellationToken cancellationToken) =>
        await LikelyDuplicates(one).AnyAsync(c => c.Id == otherId, cancellationToken);

    /// <summary>Staff's notes about a client (Owner and Reception: the roles that may open client records), audited.</summary>
    public async Task<bool> SaveNotesAsync(int id, string? notes, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return false;
        }
        client.StaffNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        audit.Add("client.notes", $"client {id}", client.StaffNotes is null ? "staff notes cleared" : "staff notes changed");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }


    /// <summary>Booking forms in progress under <paramref name="email"/>, whatever its case (ILIKE on PostgreSQL, whose LIKE minds case).</summary>
    public static IQueryable<PendingBooking> PendingBookingsOf(ClinicDbContext db, string email)
    {
        var pattern = LikePattern.Literal(email);
        return db.Database.IsNpgsql()
            ? db.PendingBookings.Where(p => p.Email != null && EF.Functions.ILike(p.Email, pattern, "\\"))
            : db.PendingBookings.Where(p => p.Email != null && EF.Functions.Like(p.Email, pattern, "\\"));
    }

    private static IQueryable<ClientVisit> Visits(IQueryable<Booking> bookings) => bookings.Select(a =>
        new ClientVisit(a.Id, a.Reference, a.StartUtc, a.TreatmentId, a.Treatment!.Name, a.TherapistId, a.Therapist!.Name, a.Status));

    private IQueryable<ClientRow> Rows(IQueryable<Client> clients) => clients.Select(c => new ClientRow(c.Id, c.Name, c.Email, c.Phone,
        db.Bookings.Count(a => a.ClientId == c.Id && a.Status == BookingStatus.Arrived),
        db.Bookings.Count(a => a.ClientId == c.Id && a.Status == BookingStatus.NoShow)));
}
