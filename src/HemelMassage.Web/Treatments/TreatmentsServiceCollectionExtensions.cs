using FluentValidation;

namespace HemelMassage.Web.Treatments;

public static class TreatmentsServiceCollectionExtensions
{
    /// <summary>The treatments: the public /treatments page and the Owner's /admin/treatments.</summary>
    public static IServiceCollection AddTreatments(this IServiceCollection services)
    {
        services.AddScoped<TreatmentMenu>();
        services.AddScoped<TreatmentChanges>();
        services.AddSingleton<IValidator<TreatmentForm>, TreatmentFormValidator>();
        return services;
    }
}
