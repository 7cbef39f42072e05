using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Diary;

namespace HemelMassage.Web.Waitlist;

public static class WaitlistServiceCollectionExtensions
{
    /// <summary>The waitlist: joining, offering freed hours one entry at a time, holds, claims, the job, the staff service.</summary>
    public static IServiceCollection AddWaitlist(this IServiceCollection services)
    {
        services.AddOptions<WaitlistOptions>()
            .BindConfiguration(WaitlistOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.WakingFrom < o.WakingUntil, "Waitlist:WakingFrom must be before Waitlist:WakingUntil.")
            .ValidateOnStart();
        services.AddSingleton<HoldClock>();
        services.AddSingleton<WaitlistEmails>();
        services.AddScoped<WaitlistOffers>();
        services.AddScoped<WaitlistDesk>();
        services.AddScoped<WaitlistJoining>();
        services.AddScoped<WaitlistClaims>();
        services.AddScoped<IFreedHours, WaitlistFreedHours>();
        services.AddScoped<Email.IOutboxSendCheck, WaitlistOfferCheck>();
        services.AddSingleton<FluentValidation.IValidator<JoinForm>, JoinFormValidator>();
        services.AddSingleton<WaitlistJob>();
        services.AddHostedService<WaitlistBackgroundService>();
        services.AddScoped<WaitlistStaffPages>();
        services.AddScoped<IWaitingCounts, WaitlistDiaryCounts>();
        services.AddSingleton<IValidator<WaitlistOfferForm>, WaitlistOfferFormValidator>();
        services.AddSingleton<IValidator<WaitlistRemoveForm>, WaitlistRemoveFormValidator>();
        return services;
    }
}
