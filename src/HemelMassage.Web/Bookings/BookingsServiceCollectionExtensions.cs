using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Bookings;

public static class BookingsServiceCollectionExtensions
{
    /// <summary>The booking itself: its rules, the free hours, the cached schedule and availability pages, the notices for email.</summary>
    public static IServiceCollection AddBookings(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>()
            .BindConfiguration(BookingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SlotInterval.Ticks % TimeSpan.TicksPerMinute == 0, "Booking:SlotInterval must be whole minutes.")
            .ValidateOnStart();
        services.AddMemoryCache();
        services.AddSingleton(sp => new AvailabilityCalculator(sp.GetRequiredService<IOptions<BookingOptions>>().Value));
        services.AddSingleton<SlotText>();
        services.AddSingleton<CancellationRule>();
        services.AddSingleton<DayChoices>();
        services.AddSingleton<ScheduleCache>();
        services.AddOutputCache(AvailabilityPages.AddPolicy);
        services.AddSingleton<AvailabilityPages>();
        services.AddSingleton<AvailabilityChangeInterceptor>();
        // Each engine's context has its own options: the one in use gets the interceptor.
        services.ConfigureDbContext<ClinicDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<AvailabilityChangeInterceptor>()));
        services.ConfigureDbContext<PostgresClinicDbContext>((sp, db) => db.AddInterceptors(sp.GetRequiredService<AvailabilityChangeInterceptor>()));
        services.AddScoped<Availability>();
        services.AddSingleton<BookingNotices>();
        services.AddScoped<ScheduleChanges>();
        services.AddScoped<BookingWrites>();
        services.AddScoped<BookingDesk>();
        services.AddScoped<PhoneBookings>();
        services.AddScoped<IReminderSource, BookingReminderSource>();
        return services;
    }
}
