using FluentValidation;

namespace HemelMassage.Web.Closures;

public static class ClosuresServiceCollectionExtensions
{
    /// <summary>The Owner's /admin/closures: whole days the clinic is shut.</summary>
    public static IServiceCollection AddClosures(this IServiceCollection services)
    {
        services.AddScoped<ClosureChanges>();
        services.AddSingleton<IValidator<DaysForm>, DaysFormValidator>();
        return services;
    }
}
