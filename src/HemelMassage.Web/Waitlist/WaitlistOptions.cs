using System.ComponentModel.DataAnnotations;

namespace HemelMassage.Web.Waitlist;

/// <summary>The waitlist's settings (section <c>Waitlist</c>); checked at startup.</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>How long an offered hour is held for one client, counted only between <see cref="WakingFrom"/> and <see cref="WakingUntil"/>.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "1.00:00:00")] public TimeSpan HoldFor { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>The clinic's waking hours (clinic time): a hold's clock runs only inside them, so nobody loses an offer asleep.</summary>
    public TimeOnly WakingFrom { get; set; } = new(8, 0);
    public TimeOnly WakingUntil { get; set; } = new(21, 0);
    /// <summary>Waiting entries one email address may have at once.</summary>
    [Range(1, 20)] public int MaxEntriesPerEmail { get; set; } = 3;
    /// <summary>How often the job passes on holds that ran out and ends entries whose range is over.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")] public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);
    /// <summary>Tests switch the background job off and run its passes themselves.</summary>
    public bool JobEnabled { get; set; } = true;
}
