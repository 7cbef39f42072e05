using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Site;

/// <summary>One limit: so many requests per window from one client address.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>The <c>RateLimits</c> settings: generous for a person, tight for a bot.</summary>
public sealed class RateLimitsOptions
{
    public const string Section = "RateLimits";

    /// <summary>Posts to the booking steps (choose a time, details, confirm).</summary>
    public RateLimit Booking { get; set; } = new() { PermitLimit = 30 };
    /// <summary>Every request to a manage-my-booking link, GET or POST: guessing tokens costs a request each.</summary>
    public RateLimit Manage { get; set; } = new() { PermitLimit = 60 };
    /// <summary>Staff sign-in posts (password, second factor), on top of Identity's per-account lockout.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10 };
    /// <summary>Clients asking for a sign-in link to their own page (each address is limited too, by the account itself).</summary>
    public RateLimit Account { get; set; } = new() { PermitLimit = 10 };
}

/// <summary>Policies named on the actions with <c>[EnableRateLimiting(...)]</c>, each keyed on the client's address.</summary>
public static class RateLimits
{
    public const string Booking = "booking";
    public const string Manage = "manage";
    public const string SignIn = "sign-in";
    public const string Account = "account";

    public static IServiceCollection AddSiteRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitsOptions>().BindConfiguration(RateLimitsOptions.Section)
            .Validate(o => new[] { o.Booking, o.Manage, o.SignIn, o.Account }.All(l => l.PermitLimit > 0 && l.Window > TimeSpan.Zero), "RateLimits: every PermitLimit and Window must be positive.")
            .ValidateOnStart();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                    context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                }
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(Booking, context => Partition(context, Booking, o => o.Booking));
            limiter.AddPolicy(Manage, context => Partition(context, Manage, o => o.Manage));
            limiter.AddPolicy(SignIn, context => Partition(context, SignIn, o => o.SignIn));
            limiter.AddPolicy(Account, context => Partition(context, Account, o => o.Account));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, string policy, Func<RateLimitsOptions, RateLimit> pick)
    {
        var limit = pick(context.RequestServices.GetRequiredService<IOptions<RateLimitsOptions>>().Value);
        return RateLimitPartition.GetFixedWindowLimiter(policy + "|" + ClientAddress.Key(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
