using FluentValidation;

namespace HemelMassage.Web.ManageBooking;

public static class ManageBookingServiceCollectionExtensions
{
    /// <summary>The links in the client's emails: their own booking (/booking/{token}) and proof of their address (/booking/email/{token}).</summary>
    public static IServiceCollection AddManageBooking(this IServiceCollection services)
    {
        services.AddScoped<ManageBookings>();
        services.AddScoped<MailboxLinks>();
        services.AddSingleton<IValidator<RescheduleForm>, RescheduleFormValidator>();
        return services;
    }
}
