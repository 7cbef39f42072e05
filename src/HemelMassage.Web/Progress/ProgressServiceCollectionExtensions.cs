namespace HemelMassage.Web.Progress;

public static class ProgressServiceCollectionExtensions
{
    /// <summary>A client's progress over visits, the review-or-refer prompt, and the summary shared with consent.</summary>
    public static IServiceCollection AddProgress(this IServiceCollection services)
    {
        services.AddOptions<TreatmentOptions>().BindConfiguration(TreatmentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ClinicalAccess>();
        services.AddScoped<ReviewPrompts>();
        services.AddScoped<ClinicalSummary>();
        services.AddSingleton<FluentValidation.IValidator<ConsentForm>, ConsentFormValidator>();
        return services;
    }
}
