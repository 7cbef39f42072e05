using System.Diagnostics;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Benchmarks;

/// <summary>
/// Concurrent booking writers on one SQLite file, each booking in the confirm path's transaction shape:
/// BEGIN IMMEDIATE, read the hour's bookings through Availability, insert, commit. Prints the rate.
/// </summary>
public static class BookingWrites
{
    public sealed record Result(int Writers, int PerWriter, int Booked, int Locked, int OtherErrors, TimeSpan Elapsed, string? FirstError)
    {
        public double PerSecond => Booked / Elapsed.TotalSeconds;
    }

    public static async Task<Result> RunAsync(IServiceProvider services, int writers, int perWriter)
    {
        int booked = 0, locked = 0, other = 0;
        string? firstError = null;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < perWriter; i++)
            {
                // Writers interleave their hours (after every generated booking), so no two ever want the same one.
                var start = new DateTime(2028, 1, 3, 0, 0, 0, DateTimeKind.Utc).AddHours(i * writers + w);
                try
                {
                    await BookAsync(services, start, $"{w}-{i}");
                    Interlocked.Increment(ref booked);
                }
                catch (Exception e) when (e.ToString().Contains("database is locked", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref locked);
                    Interlocked.CompareExchange(ref firstError, $"{clock.Elapsed.TotalSeconds:F1}s: {e.GetBaseException().Message}", null);
                }
                catch (DbUpdateException e)
                {
                    Interlocked.Increment(ref other);
                    Interlocked.CompareExchange(ref firstError, $"{clock.Elapsed.TotalSeconds:F1}s: {e.GetBaseException().Message}", null);
                }
            }
        })));
        return new Result(writers, perWriter, booked, locked, other, clock.Elapsed, firstError);
    }

    private static async Task BookAsync(IServiceProvider services, DateTime start, string key)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var taken = await availability.BookingsAsync(start, start.AddHours(1), 1, null, default);
        if (taken.Any(b => b.StartUtc < start.AddHours(1) && b.EndUtc > start))
        {
            throw new InvalidOperationException("The writers were given overlapping hours.");
        }
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Email == "writer@example.com")
            ?? db.Clients.Add(new Client { Name = "Writer", Email = "writer@example.com", Phone = "07700 900000", CreatedAtUtc = start }).Entity;
        var booking = new Booking
        {
            Reference = "X" + key, TherapistId = 1, TreatmentId = 1, Client = client,
            IdempotencyKey = "bench-" + key, ManageTokenHash = "bench-" + key, CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = start, UpdatedAtUtc = start,
        };
        booking.Move(start);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
