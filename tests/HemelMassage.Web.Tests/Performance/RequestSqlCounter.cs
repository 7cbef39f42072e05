using System.Collections.Concurrent;
using System.Data.Common;
using HemelMassage.Web.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Performance;

/// <summary>
/// Counts the SQL commands run while serving a request (background work such as the email outbox is
/// not a page's cost), and keeps their text and parameters so a test can ask SQLite for the plan.
/// </summary>
public sealed class RequestSqlCounter : DbCommandInterceptor
{
    private IHttpContextAccessor? _requests;

    public ConcurrentQueue<(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters)> Commands { get; } = new();

    public int Count => Commands.Count;

    public void Clear() => Commands.Clear();

    /// <summary>Registers the counter on the site's DbContext; call before the first request.</summary>
    public RequestSqlCounter AttachTo(Support.SiteFactory site)
    {
        site.WithServices(services =>
        {
            services.AddHttpContextAccessor();
            services.ConfigureDbContext<ClinicDbContext>(db => db.AddInterceptors(this));
        });
        return this;
    }

    public void Start(IServiceProvider services) => _requests = services.GetRequiredService<IHttpContextAccessor>();

    private void Record(DbCommand command)
    {
        if (_requests?.HttpContext is not null)
        {
            Commands.Enqueue((command.CommandText, [.. command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value))]));
        }
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
