using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Data;

/// <summary>What a write that lost to the database looks like: a constraint refused it, or the database was too busy to take it.</summary>
public static class DatabaseRefusal
{
    /// <summary>
    /// A refused SaveChanges, a provider error (SQLite busy, a PostgreSQL constraint or "too many clients"),
    /// or EF's wrapper around a provider error it judged transient.
    /// </summary>
    public static bool Is(Exception ex) =>
        ex is DbUpdateException or DbException
        || ex is InvalidOperationException { InnerException: DbException };
}
