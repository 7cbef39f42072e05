namespace HemelMassage.Web.TreatmentNotes;

public static class TreatmentNotesServiceCollectionExtensions
{
    /// <summary>The treatment record: visit pain scores, SOAP notes and their amendments, all encrypted.</summary>
    public static IServiceCollection AddTreatmentNotes(this IServiceCollection services)
    {
        services.AddSingleton<ClinicalRecordProtector>();
        services.AddScoped<ClinicalRecords>();
        return services;
    }
}
