using FluentValidation;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Bookings;

public static class BookingServiceCollectionExtensions
{
    public static IServiceCollection AddBooking(this IServiceCollection services)
    {
        services.AddOptions<BookingOptions>()
            .BindConfiguration(BookingOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.SlotInterval.Ticks % TimeSpan.TicksPerMinute == 0, "Booking:SlotInterval must be whole minutes.")
            .ValidateOnStart();
        services.AddMemoryCache();
        // A word posted where a yes/no or a number belongs gets a plain-English message, not a framework one.
        services.Configure<MvcOptions>(mvc => mvc.ModelBindingMessageProvider.SetAttemptedValueIsInvalidAccessor((_, _) => "Please check this answer."));
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
        services.AddScoped<PendingBookings>();
        services.AddSingleton<BookingBrowser>();
        services.AddScoped<MailboxLinks>();
        services.AddScoped<BookingConfirmation>();
        services.AddScoped<ManageBookings>();
        services.TryAddScoped<IBookingNotifications, NoBookingNotifications>();
        services.AddScoped<IReminderSource, BookingReminderSource>();
        services.AddSingleton<IValidator<SlotForm>, SlotFormValidator>();
        services.AddSingleton<IValidator<DetailsForm>, DetailsFormValidator>();
        services.AddSingleton<IValidator<RescheduleForm>, RescheduleFormValidator>();
        return services;
    }
}
