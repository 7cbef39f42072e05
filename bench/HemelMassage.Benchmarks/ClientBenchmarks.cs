using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Benchmarks;

/// <summary>
/// The desk's client search (each kind of term) and a client's page, with 1,000,000 bookings shared by
/// 50,000 clients (20 each): what reception waits for while the client is on the phone.
/// </summary>
[MemoryDiagnoser]
public class ClientBenchmarks
{
    private BenchClinic _clinic = null!;

    [GlobalSetup]
    public void Setup() => _clinic = BenchClinic.WithClients(1_000_000, 50_000);

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    [Benchmark]
    public Task<int> Search_by_phone_spaced_differently() => SearchAsync("+44 7700 012345");

    [Benchmark]
    public Task<int> Search_by_phone_as_typed_so_far() => SearchAsync("077000123");

    [Benchmark]
    public Task<int> Search_by_reference() => SearchAsync("hm-123456");

    [Benchmark]
    public Task<int> Search_by_email() => SearchAsync("client12345@");

    [Benchmark]
    public Task<int> Search_by_part_of_a_name() => SearchAsync("12345 Ben");

    /// <summary>The worst case: three letters every client's name starts a word with, the first 8 by name.</summary>
    [Benchmark]
    public Task<int> Search_by_a_word_every_client_has() => SearchAsync("cli");

    [Benchmark]
    public Task<int> Search_by_a_word_nobody_has() => SearchAsync("zebedee");

    /// <summary>The search before the words' index, for comparison in the same run: LIKE '%...%' on name or email over every client.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> Search_by_part_of_a_name_as_LIKE_over_every_client()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var pattern = LikePattern.Containing("12345 Ben");
        return (await db.Clients.AsNoTracking().Where(c => EF.Functions.Like(c.Name, pattern, "\\") || EF.Functions.Like(c.Email, pattern, "\\"))
            .OrderBy(c => c.Name).ThenBy(c => c.Id).Take(8).Select(c => c.Id).ToListAsync()).Count;
    }

    [Benchmark]
    public async Task<int> Client_page_first()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var page = await Records(scope).PageAsync(12_345, 1, default);
        return page!.Bookings.Count;
    }

    [Benchmark]
    public async Task<int> Client_page_older_visits()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var page = await Records(scope).PageAsync(12_345, 2, default);
        return page!.Bookings.Count;
    }

    private async Task<int> SearchAsync(string term)
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return (await ClientSearch.FindAsync(db, term, 8, default)).Count;
    }

    private static ClientRecords Records(AsyncServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return new ClientRecords(db, new AuditLog(db, TimeProvider.System, new HttpContextAccessor()));
    }
}
