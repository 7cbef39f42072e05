using System.Text.RegularExpressions;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

/// <summary>A client found by the desk's search: enough to pick them for a booking.</summary>
public sealed record ClientMatch(int Id, string Name, string Email, string Phone);

/// <summary>
/// Finds clients by what a caller says first: a booking reference, a phone number however it is spaced
/// (+44 or 0), an email address, or part of a name. Each kind reads an index, so it stays fast with a
/// million bookings.
/// </summary>
public static partial class ClientSearch
{
    public static IQueryable<Client> Matching(ClinicDbContext db, string term)
    {
        term = term.Trim();
        var clients = db.Clients.AsNoTracking();
        if (ReferencePattern().Match(term) is { Success: true } reference)
        {
            var value = "HM-" + reference.Groups[1].Value.ToUpperInvariant();
            // The booking first, by its unique reference: "the client of that booking", not a walk over every client.
            var owners = db.Bookings.Where(a => a.Reference == value).Select(a => a.ClientId);
            return clients.Where(c => owners.Contains(c.Id));
        }
        if (PhoneNumbers.LooksLikePhone(term))
        {
            var key = PhoneNumbers.Key(term);
            return PhoneStarting(db, clients, key);
        }
        if (term.Contains('@', StringComparison.Ordinal))
        {
            return EmailStarting(db, clients, term.ToLowerInvariant());
        }
        var pattern = LikePattern.Containing(term);
        // SQLite's LIKE ignores case; PostgreSQL's does not, so there the search says ILIKE.
        return db.Database.IsNpgsql()
            ? clients.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.Email, pattern, "\\"))
            : clients.Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.Email, pattern, "\\"));
    }

    public static async Task<IReadOnlyList<ClientMatch>> FindAsync(ClinicDbContext db, string? term, int limit, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(term) || term.Length > 100 ? [] : await Matching(db, term)
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(limit)
            .Select(c => new ClientMatch(c.Id, c.Name, c.Email, c.Phone)).ToListAsync(cancellationToken);

    // A prefix: on SQLite a range on the column's index (its LIKE cannot use an index on a case-sensitive
    // column); on PostgreSQL LIKE, as its collation may order punctuation where a range would not expect.
    private static IQueryable<Client> PhoneStarting(ClinicDbContext db, IQueryable<Client> clients, string key)
    {
        var after = key + char.MaxValue;
        return db.Database.IsNpgsql()
            ? clients.Where(c => c.PhoneKey.StartsWith(key))
            : clients.Where(c => string.Compare(c.PhoneKey, key) >= 0 && string.Compare(c.PhoneKey, after) < 0);
    }

    private static IQueryable<Client> EmailStarting(ClinicDbContext db, IQueryable<Client> clients, string prefix)
    {
        var after = prefix + char.MaxValue;
        return db.Database.IsNpgsql()
            ? clients.Where(c => c.Email.StartsWith(prefix))
            // "Email <> ''" lets SQLite use the unique index, which leaves out clients without an email.
            : clients.Where(c => c.Email != "" && string.Compare(c.Email, prefix) >= 0 && string.Compare(c.Email, after) < 0);
    }

    [GeneratedRegex(@"^HM-?([A-Z0-9]{6})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReferencePattern();
}
