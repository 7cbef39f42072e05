namespace HemelMassage.Web.TreatmentNotes;

public static class TreatmentNotesServiceCollectionExtensions
{
    /// <summary>The treatment record: visit pain scores, SOAP notes and their amendments, all encrypted.</summary>
    public static IServiceCollection AddTreatmentNotes(this IServiceCollection services)
    {
        services.AddSingleton<ClinicalRecordProtector>();
        services.AddScoped<ClinicalRecords>();
        services.AddScoped<NoteAccessRule>();
        services.AddScoped<VisitNotes>();
        services.AddScoped<VisitScoring>();
        services.AddSingleton<FluentValidation.IValidator<NoteForm>, NoteFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<AmendmentForm>, AmendmentFormValidator>();
        return services;
    }
}
