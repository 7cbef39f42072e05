using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Treatments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Benchmarks;

/// <summary>
/// EF Core before and after, on the 100k-booking file: the availability bookings query as tracked
/// entities, as a no-tracking LINQ projection (the code before compiled queries), and as the site runs
/// it now (compiled, in Availability); the same for the treatments list of the home page.
/// </summary>
[MemoryDiagnoser]
public class QueryBenchmarks
{
    private static readonly DateTime From = new(2026, 12, 15, 22, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime To = new(2026, 12, 17, 2, 0, 0, DateTimeKind.Utc);
    private BenchClinic _clinic = null!;

    [GlobalSetup]
    public void Setup() => _clinic = BenchClinic.WithBookings(100_000);

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    [Benchmark]
    public async Task<int> Bookings_tracked_entities()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var rows = await db.Bookings
            .Where(a => a.StartUtc > From && a.StartUtc < To)
            .Where(a => a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived || a.Status == BookingStatus.NoShow)
            .ToListAsync();
        return rows.Select(a => new BusyRange(a.TherapistId, a.StartUtc, a.EndUtc)).Count();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> Bookings_no_tracking_linq()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return (await db.Bookings.AsNoTracking()
            .Where(a => a.StartUtc > From && a.StartUtc < To)
            .Where(a => a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived || a.Status == BookingStatus.NoShow)
            .Select(a => new BusyRange(a.TherapistId, a.StartUtc, a.EndUtc))
            .ToListAsync()).Count;
    }

    [Benchmark]
    public async Task<int> Bookings_compiled_as_shipped()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        // BookingsAsync widens by the hour and changeover; From/To above are that widening done by hand.
        return (await availability.BookingsAsync(From.AddHours(1).AddMinutes(15), To.AddHours(-1).AddMinutes(-15), null, null, default)).Count;
    }

    [Benchmark]
    public async Task<int> Treatments_no_tracking_linq()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return (await db.Treatments.AsNoTracking().Where(t => t.IsActive)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TreatmentSummary(t.Slug, t.Name, t.Suits, t.Description, t.PricePence))
            .ToListAsync()).Count;
    }

    [Benchmark]
    public async Task<int> Treatments_compiled_as_shipped()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        return (await new TreatmentMenu(scope.ServiceProvider.GetRequiredService<ClinicDbContext>()).ActiveAsync()).Count;
    }
}
