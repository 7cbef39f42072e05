using FluentValidation;

namespace HemelMassage.Web.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>The Owner's reports at /admin/reports.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddScoped<ReportQueries>();
        services.AddSingleton<IValidator<ReportForm>, ReportFormValidator>();
        return services;
    }
}
