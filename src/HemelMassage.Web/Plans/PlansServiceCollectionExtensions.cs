using FluentValidation;

namespace HemelMassage.Web.Plans;

public static class PlansServiceCollectionExtensions
{
    /// <summary>Plans and the next visit: the booking page's form, the follow-up's free hours, the "due" lists.</summary>
    public static IServiceCollection AddPlans(this IServiceCollection services)
    {
        services.AddScoped<PlanRecords>();
        services.AddScoped<PlanOffers>();
        services.AddSingleton<IValidator<PlanForm>, PlanFormValidator>();
        return services;
    }
}
