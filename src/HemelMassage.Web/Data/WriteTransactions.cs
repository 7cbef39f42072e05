using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace HemelMassage.Web.Data;

/// <summary>
/// The app's "check, then write" transactions (book, move, cancel, merge, first owner) rely on running one
/// at a time. SQLite gives that: Microsoft.Data.Sqlite starts BEGIN IMMEDIATE. PostgreSQL's READ COMMITTED
/// lets two such transactions check at once (a 20-slot race tried here made 248 bookings), so there each one first
/// takes one transaction-scoped advisory lock, shared by every app instance and released at commit or rollback.
/// The database constraints stay as the last line; this keeps rules they cannot express, such as the changeover.
/// </summary>
public static class WriteTransactions
{
    private const long LockKey = 0x48454D454C0001;

    public static async Task<IDbContextTransaction> BeginWriteTransactionAsync(this ClinicDbContext db, CancellationToken cancellationToken = default)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (db.Database.IsNpgsql())
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
            }
            catch
            {
                await transaction.DisposeAsync();
                throw;
            }
        }
        return transaction;
    }
}

