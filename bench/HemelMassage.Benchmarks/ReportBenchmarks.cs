using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Benchmarks;

/// <summary>
/// A month's report (/admin/reports) through the real queries, as the table grows. The filler bookings run
/// back to back for the three therapists, so November 2026 holds about 2,100 of them. Budget: under 200 ms at 1M.
/// </summary>
[MemoryDiagnoser]
public class ReportBenchmarks
{
    private BenchClinic _clinic = null!;
    private static readonly ReportPeriod November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), IsMonth: true);

    [Params(1_000, 1_000_000)]
    public int Bookings { get; set; }

    [GlobalSetup]
    public void Setup() => _clinic = BenchClinic.WithBookings(Bookings);

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    [Benchmark]
    public async Task<int> Month()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var reports = ActivatorUtilities.CreateInstance<ReportQueries>(scope.ServiceProvider);
        var figures = await reports.FiguresAsync(November, default);
        return figures.Outcomes.Bookings + figures.Clients.Total;
    }
}
