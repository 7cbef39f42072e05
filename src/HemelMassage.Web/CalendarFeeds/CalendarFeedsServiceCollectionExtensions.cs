namespace HemelMassage.Web.CalendarFeeds;

public static class CalendarFeedsServiceCollectionExtensions
{
    /// <summary>Each therapist's private calendar feed: the link on their account page and the feed it opens.</summary>
    public static IServiceCollection AddCalendarFeeds(this IServiceCollection services)
    {
        services.AddScoped<CalendarFeedLinks>();
        services.AddScoped<TherapistFeed>();
        return services;
    }
}
