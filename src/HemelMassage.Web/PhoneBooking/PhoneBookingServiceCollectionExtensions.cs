using FluentValidation;

namespace HemelMassage.Web.PhoneBooking;

public static class PhoneBookingServiceCollectionExtensions
{
    /// <summary>Reception books a client who phoned or walked in (/admin/bookings/new).</summary>
    public static IServiceCollection AddPhoneBooking(this IServiceCollection services)
    {
        services.AddSingleton<IValidator<PhoneBookingForm>, PhoneBookingFormValidator>();
        services.AddScoped<PhoneBookingPages>();
        return services;
    }
}
