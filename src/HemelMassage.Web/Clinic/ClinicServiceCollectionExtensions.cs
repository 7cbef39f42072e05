using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>()
            .BindConfiguration(ClinicOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClinicOptions>>().Value);
        return services;
    }
}
