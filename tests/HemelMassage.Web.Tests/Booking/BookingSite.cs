using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The site with the clock stopped at Monday 7 December 2026, 08:00 UTC (London is on GMT, so local
/// equals UTC). Seeded therapists: Sarah (1), James (2), Priya (3).
/// </summary>
public sealed class BookingSite : SiteFactory
{
    public static readonly DateTimeOffset Monday = new(2026, 12, 7, 8, 0, 0, TimeSpan.Zero);

    public BookingSite() : this(Monday)
    {
    }

    // Private: a class fixture may have only one public constructor.
    private BookingSite(DateTimeOffset now)
    {
        Clock = new(now);
        WithServices(services => services.AddSingleton<TimeProvider>(Clock));
        // Many tests book several hours as the same client; Security/HoneypotAndCapTests sets the real cap.
        With("Booking:MaxOpenBookingsPerEmail", "100");
    }

    /// <summary>The site with its clock stopped at <paramref name="now"/> instead of <see cref="Monday"/>.</summary>
    public static BookingSite At(DateTimeOffset now) => new(now);

    public FakeTimeProvider Clock { get; }

    public async Task<T> WithDbAsync<T>(Func<ClinicDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider.GetRequiredService<ClinicDbContext>());
        scope.ServiceProvider.GetRequiredService<ScheduleCache>().Invalidate();
        return result;
    }

    public Task<int> BookingsAtAsync(string start) => WithDbAsync(db =>
    {
        var startUtc = Utc(start);
        return db.Bookings.CountAsync(a => a.StartUtc == startUtc && a.Status == BookingStatus.Booked);
    });

    /// <summary>
    /// A pending booking with details filled in, as if the client had reached the review page: the time is chosen
    /// through the page by <paramref name="browser"/> (so the booking belongs to it), the details are written directly.
    /// </summary>
    public async Task<string> PendingAsync(HttpClient browser, string start, int? therapistId = 1, string email = "ann@example.com")
    {
        var details = Location(await new BookingJourney(browser).ChooseAsync(start, therapistId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "any"));
        var key = details.Split('/')[^1];
        await WithDbAsync(async db =>
        {
            var pending = await db.PendingBookings.SingleAsync(p => p.Key == key);
            (pending.Name, pending.Email, pending.Phone, pending.FirstVisit, pending.AcceptedPolicy, pending.DetailsChecked) =
                ("Ann Client", email, "07700 900123", true, true, true);
            return await db.SaveChangesAsync();
        });
        return key;
    }

    public static DateTime Utc(string start) =>
        SlotValue.TryParse(start, out var utc) ? utc : throw new ArgumentException("Not a slot value: " + start, nameof(start));

    public static string Location(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther
            ? response.Headers.Location!.OriginalString
            : throw new InvalidOperationException($"Expected a redirect, got {(int)response.StatusCode}");
}
