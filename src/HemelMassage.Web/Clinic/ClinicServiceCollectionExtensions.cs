using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.OpeningHours is null or { Count: 0 },
                "Clinic:OpeningHours is no longer used: the site shows opening hours worked out from the therapists' weekly hours " +
                "(Staff area, Therapists), so they cannot contradict the times clients can book. Remove Clinic:OpeningHours from the configuration.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClinicOptions>>().Value);
        services.AddSingleton<OpeningHours>();
        return services;
    }
}
