namespace HemelMassage.Web.Clients;

public static class ClientsServiceCollectionExtensions
{
    /// <summary>Client records, UK GDPR export and erasure, and the retention job for clients' notes.</summary>
    public static IServiceCollection AddClients(this IServiceCollection services)
    {
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ClientRecords>();
        services.AddScoped<ClientContacts>();
        services.AddScoped<ClientMerge>();
        services.AddSingleton<FluentValidation.IValidator<ClientEditForm>, ClientEditFormValidator>();
        services.AddSingleton<FluentValidation.IValidator<ClientNotesForm>, ClientNotesFormValidator>();
        services.AddScoped<ClientPrivacy>();
        services.AddSingleton<NoteRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<NoteRetention>());
        return services;
    }
}
