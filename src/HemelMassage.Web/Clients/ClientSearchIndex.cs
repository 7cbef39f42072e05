using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Clients;

/// <summary>
/// Keeps <see cref="ClientSearchWord"/> in step with the clients, from inside <see cref="ClinicDbContext"/>'s
/// SaveChanges: every write path that creates a client (online, by phone), edits one, merges two or erases one
/// saves through it, so none can forget. A deleted client's words go with it (cascade); an erased client's go
/// with their name, as they are personal data too.
/// </summary>
public static class ClientSearchIndex
{
    public static async Task KeepInStepAsync(ClinicDbContext db, CancellationToken cancellationToken)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }
        var ids = changed.Where(c => c.Id > 0).Select(c => c.Id).ToList();
        var stored = ids.Count == 0 ? [] : await db.ClientSearchWords.Where(w => ids.Contains(w.ClientId)).ToListAsync(cancellationToken);
        Apply(db, changed, stored);
    }

    public static void KeepInStep(ClinicDbContext db)
    {
        var changed = Changed(db);
        if (changed.Count == 0)
        {
            return;
        }
        var ids = changed.Where(c => c.Id > 0).Select(c => c.Id).ToList();
        var stored = ids.Count == 0 ? [] : db.ClientSearchWords.Where(w => ids.Contains(w.ClientId)).ToList();
        Apply(db, changed, stored);
    }

    /// <summary>Gives words to every client who has none (after the migration that made the table): a few milliseconds when all have some.</summary>
    public static async Task FillMissingAsync(ClinicDbContext db, CancellationToken cancellationToken = default)
    {
        var after = 0;
        while (true)
        {
            var clients = await db.Clients.AsNoTracking()
                .Where(c => c.Id > after && !db.ClientSearchWords.Any(w => w.ClientId == c.Id))
                .OrderBy(c => c.Id).Take(1000).ToListAsync(cancellationToken);
            if (clients.Count == 0)
            {
                return;
            }
            db.ClientSearchWords.AddRange(clients.SelectMany(c => ClientSearchWords.Of(c).Select(w => new ClientSearchWord { ClientId = c.Id, Word = w })));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            after = clients[^1].Id;
        }
    }

    private static List<Client> Changed(ClinicDbContext db) =>
        [.. db.ChangeTracker.Entries<Client>()
            .Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(c => c.Name).IsModified || e.Property(c => c.Email).IsModified)))
            .Select(e => e.Entity)];

    private static void Apply(ClinicDbContext db, List<Client> changed, List<ClientSearchWord> stored)
    {
        foreach (var client in changed)
        {
            var words = ClientSearchWords.Of(client);
            var mine = stored.Where(w => w.ClientId == client.Id && client.Id > 0).ToList();
            db.ClientSearchWords.RemoveRange(mine.Where(w => !words.Contains(w.Word)));
            foreach (var word in words.Where(w => !mine.Any(m => m.Word == w)))
            {
                db.ClientSearchWords.Add(new ClientSearchWord { Client = client, Word = word });
            }
        }
    }
}
