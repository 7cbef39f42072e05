using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// Evicts the cached availability pages after any saved change to a booking (or a hold, <see cref="IChangesAvailability"/>), wherever in the code it
/// happens (online, by phone, from the diary, by the client's own link). Inside a transaction it waits for
/// the commit: evicting earlier would let a request in between cache the hour as still free.
/// </summary>
public sealed class AvailabilityChangeInterceptor(AvailabilityPages pages) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _changed = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EvictUnlessInTransaction(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EvictUnlessInTransactionAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        EvictIfChangedAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await EvictIfChangedAsync(eventData.Context);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries().Any(e => e.Entity is Booking or IChangesAvailability && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            _changed.AddOrUpdate(context, this);
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _changed.Remove(context);
        }
    }

    private void EvictUnlessInTransaction(DbContext? context) => EvictUnlessInTransactionAsync(context).AsTask().GetAwaiter().GetResult();

    private ValueTask EvictUnlessInTransactionAsync(DbContext? context) =>
        context?.Database.CurrentTransaction is null ? EvictIfChangedAsync(context) : ValueTask.CompletedTask;

    private ValueTask EvictIfChangedAsync(DbContext? context) =>
        context is not null && _changed.Remove(context) ? pages.EvictAsync() : ValueTask.CompletedTask;
}
