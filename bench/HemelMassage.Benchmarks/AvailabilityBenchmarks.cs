using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Bookings;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Benchmarks;

/// <summary>
/// One availability request through the real services, as the table grows from a thousand to a million
/// bookings. Each call opens a scope (a pooled DbContext), as a request does; the schedule is cached.
/// Budget: time(1M) / time(1k) at most 2.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private BenchClinic _clinic = null!;
    private AvailabilityCalculator _calculator = null!;
    private Schedule _schedule = null!;
    private static readonly DateTime Day = new(2026, 12, 16, 0, 0, 0, DateTimeKind.Utc);

    [Params(1_000, 100_000, 1_000_000)]
    public int Bookings { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _clinic = BenchClinic.WithBookings(Bookings);
        _calculator = _clinic.Services.GetRequiredService<AvailabilityCalculator>();
        using var scope = _clinic.Services.CreateScope();
        _schedule = scope.ServiceProvider.GetRequiredService<Availability>().ScheduleAsync().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    /// <summary>The times page for one day and any therapist.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> OneDay()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var bookings = await availability.BookingsAsync(Day, Day.AddDays(1), null, null, default);
        var date = DateOnly.FromDateTime(Day);
        return _calculator.FreeSlots(_schedule, bookings, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, 1, null, date, date).Count;
    }

    /// <summary>What a times page works out, for any therapist: the dates of the 60-day window with a free hour, and the first one's hours.</summary>
    [Benchmark]
    public async Task<int> Window60Days()
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var free = await availability.FreeTimesAsync(_schedule, 1, null);
        return free.Dates.Count + (free.Dates.Count > 0 ? free.On(free.Dates[0]).Count : 0);
    }
}
