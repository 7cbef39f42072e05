using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

/// <summary>
/// An EF compiled query is bound to the model it first ran against, and the SQLite and PostgreSQL models
/// differ (two context types). One process normally uses one, but tests run both side by side, so the
/// query is compiled once per context type instead of once per process.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConcurrentDictionary<Type, TQuery> _byContextType = new();

    public TQuery For(DbContext db) => _byContextType.GetOrAdd(db.GetType(), _ => compile());
}
