using FluentValidation;

namespace HemelMassage.Web.Diary;

public static class DiaryServiceCollectionExtensions
{
    /// <summary>The staff diary: day and week views, booking details and the desk's actions on bookings.</summary>
    public static IServiceCollection AddDiary(this IServiceCollection services)
    {
        services.AddScoped<StaffViewer>();
        services.AddScoped<DiaryQueries>();
        services.AddScoped<StaffSlotRules>();
        services.AddScoped<BookingDesk>();
        services.AddScoped<PhoneBookings>();
        services.AddScoped<BookingCsv>();
        services.AddSingleton<IValidator<CancelForm>, CancelFormValidator>();
        services.AddSingleton<IValidator<MoveForm>, MoveFormValidator>();
        services.AddSingleton<IValidator<PhoneBookingForm>, PhoneBookingFormValidator>();
        return services;
    }
}
