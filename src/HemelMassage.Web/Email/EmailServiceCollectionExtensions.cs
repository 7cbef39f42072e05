using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Email;

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<EmailPolicy>();
        services.AddSingleton<BookingCalendar>();
        services.AddSingleton<EmailTemplates>();
        services.AddSingleton<BookingEmailComposer>();
        services.AddSingleton<MailboxLinkComposer>();
        services.AddScoped<IBookingNotifications, OutboxBookingNotifications>();
        services.AddScoped<StaffInvitationEmail>();
        services.AddScoped<StaffPasswordLinkEmail>();
        services.AddScoped<EmailChangedEmail>();
        services.AddSingleton<OutboxSecrets>();
        services.AddScoped<EmailSearch>();

        services.AddSingleton<OutboxMimeBuilder>();
        services.AddSingleton<MailFolder>();
        services.AddSingleton<IMailSender>(sp => sp.GetRequiredService<IOptions<EmailOptions>>().Value.WritesFiles
            ? new EmlFileSender(sp.GetRequiredService<MailFolder>())
            : new SmtpMailSender(sp.GetRequiredService<IOptions<EmailOptions>>()));
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<FollowUpScheduler>();
        services.AddHostedService<EmailBackgroundService>();
        return services;
    }
}
