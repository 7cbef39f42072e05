using FluentValidation;

namespace HemelMassage.Web.Schedules;

public static class SchedulesServiceCollectionExtensions
{
    /// <summary>The Owner's pages for treatments, therapists, their hours and time off, and clinic closures.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddScoped<ScheduleAdmin>();
        services.AddSingleton<IValidator<TreatmentForm>, TreatmentFormValidator>();
        services.AddSingleton<IValidator<TherapistForm>, TherapistFormValidator>();
        services.AddSingleton<IValidator<HoursForm>, HoursFormValidator>();
        services.AddSingleton<IValidator<DaysForm>, DaysFormValidator>();
        return services;
    }
}
