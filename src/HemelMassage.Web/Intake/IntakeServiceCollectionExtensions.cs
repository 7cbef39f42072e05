namespace HemelMassage.Web.Intake;

public static class IntakeServiceCollectionExtensions
{
    public static IServiceCollection AddIntake(this IServiceCollection services)
    {
        services.AddSingleton<HealthAnswerProtector>();
        services.AddScoped<IntakeRecords>();
        services.AddScoped<FollowUpSource>();
        return services;
    }
}
