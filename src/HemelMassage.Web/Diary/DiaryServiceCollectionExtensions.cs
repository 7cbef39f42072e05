using FluentValidation;

namespace HemelMassage.Web.Diary;

public static class DiaryServiceCollectionExtensions
{
    /// <summary>The staff diary: day and week views, one booking's page and the CSV export.</summary>
    public static IServiceCollection AddDiary(this IServiceCollection services)
    {
        services.AddScoped<StaffViewer>();
        services.AddScoped<DiaryQueries>();
        services.AddScoped<DiaryGrid>();
        services.AddScoped<StaffSlotRules>();
        services.AddScoped<BookingCsv>();
        services.AddSingleton<IValidator<CancelForm>, CancelFormValidator>();
        services.AddSingleton<IValidator<MoveForm>, MoveFormValidator>();
        return services;
    }
}
