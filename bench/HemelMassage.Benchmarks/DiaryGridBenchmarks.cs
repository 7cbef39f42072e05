using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HemelMassage.Benchmarks;

/// <summary>
/// The diary grids as the Owner sees them, on the 1,000,000-booking file: a day and a week inside the booking
/// window (a few bookings a day) and a day and a week in the past where every hour of every therapist is booked
/// around the clock (the file's filler), so the grid runs from 00:00 to 24:00.
/// </summary>
[MemoryDiagnoser]
public class DiaryGridBenchmarks
{
    private static readonly DateOnly WindowDay = new(2026, 12, 8);
    private static readonly DateOnly FullDay = new(2026, 11, 18);
    private BenchClinic _clinic = null!;

    [Params(1_000_000)]
    public int Bookings { get; set; }

    [GlobalSetup]
    public void Setup() => _clinic = BenchClinic.WithBookings(Bookings);

    [GlobalCleanup]
    public void Cleanup() => _clinic.Dispose();

    [Benchmark]
    public Task<int> Day_grid_in_the_window() => RunAsync(grid => grid.DayAsync(WindowDay, null, null, default));

    [Benchmark]
    public Task<int> Day_grid_fully_booked() => RunAsync(grid => grid.DayAsync(FullDay, null, null, default));

    [Benchmark]
    public Task<int> Week_grid_in_the_window() => RunAsync(grid => grid.WeekAsync(WindowDay, 1, null, default));

    [Benchmark]
    public Task<int> Week_grid_fully_booked() => RunAsync(grid => grid.WeekAsync(FullDay, 1, null, default));

    /// <summary>One request's worth: a fresh scope (a fresh DbContext), the Owner signed in, the page's model built.</summary>
    private async Task<int> RunAsync(Func<DiaryGrid, Task<GridPage>> page)
    {
        await using var scope = _clinic.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ClinicDbContext>();
        var owner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, StaffRoles.Owner)], "bench"));
        var viewer = new StaffViewer(db, new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = owner } });
        var grid = new DiaryGrid(db, viewer, services.GetRequiredService<Availability>(), services.GetRequiredService<AvailabilityCalculator>(),
            services.GetRequiredService<IOptions<BookingOptions>>(), services.GetRequiredService<TimeProvider>());
        var result = await page(grid);
        return result.Columns.Sum(c => c.Cells.Count(x => x is not null));
    }
}
