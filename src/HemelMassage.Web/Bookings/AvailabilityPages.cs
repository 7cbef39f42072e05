using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

namespace HemelMassage.Web.Bookings;

/// <summary>
/// The output cache for the booking steps that show what is free (<c>/book</c>, <c>/book/therapist</c>,
/// <c>/book/times</c>). They carry nobody's details and no per-visitor token, so one rendering serves
/// every visitor until something changes:
/// <list type="bullet">
/// <item>a booking made, moved or cancelled evicts them once its transaction commits (<see cref="AvailabilityChangeInterceptor"/>);</item>
/// <item>an edit of hours, time off, closures or treatments evicts them (<c>ScheduleAdmin</c>);</item>
/// <item>the cache key changes every <see cref="ClockStep"/> of the clinic's clock, so an hour that has come
/// within the minimum notice is gone within that step, and so is a booking made on another app instance
/// (eviction is per instance).</item>
/// </list>
/// A page is never the last word: choosing a time checks every rule against the database again.
/// Requests carrying a booking in progress (<c>pending=</c>) are never cached.
/// </summary>
public sealed class AvailabilityPages(IOutputCacheStore store)
{
    public const string Policy = "availability";
    public const string Tag = "availability";
    public static readonly TimeSpan ClockStep = TimeSpan.FromSeconds(15);

    public ValueTask EvictAsync(CancellationToken cancellationToken = default) => store.EvictByTagAsync(Tag, cancellationToken);

    public static void AddPolicy(OutputCacheOptions cache) => cache.AddPolicy(Policy, policy => policy
        .With(context => !context.HttpContext.Request.Query.ContainsKey("pending"))
        .SetVaryByQuery("treatment", "therapist", "date", "problem", "start")
        // Cached after compression, so a hit costs neither a render nor a Brotli pass.
        .SetVaryByHeader(HeaderNames.AcceptEncoding)
        .VaryByValue(http => new("clock", ClockStepOf(http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())))
        .Expire(ClockStep)
        .Tag(Tag));

    private static string ClockStepOf(DateTimeOffset now) => (now.UtcTicks / ClockStep.Ticks).ToString(CultureInfo.InvariantCulture);
}
