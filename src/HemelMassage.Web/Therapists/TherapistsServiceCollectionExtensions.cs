using FluentValidation;

namespace HemelMassage.Web.Therapists;

public static class TherapistsServiceCollectionExtensions
{
    /// <summary>The Owner's /admin/therapists: details, treatments given, weekly hours with breaks, time off.</summary>
    public static IServiceCollection AddTherapists(this IServiceCollection services)
    {
        services.AddScoped<TherapistChanges>();
        services.AddSingleton<IValidator<TherapistForm>, TherapistFormValidator>();
        services.AddSingleton<IValidator<HoursForm>, HoursFormValidator>();
        return services;
    }
}
