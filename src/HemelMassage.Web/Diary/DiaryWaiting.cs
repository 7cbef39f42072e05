namespace HemelMassage.Web.Diary;

/// <summary>
/// How many clients wait for each day, as the waitlist counts them. The diary asks through this, so it shows the
/// count without depending on the waitlist, which depends on the diary's queries.
/// </summary>
public interface IWaitingCounts
{
    /// <summary>Days with nobody waiting may be left out.</summary>
    Task<IReadOnlyDictionary<DateOnly, int>> CountsAsync(DateOnly firstDay, DateOnly lastDay, CancellationToken cancellationToken);
}

/// <summary>The days a diary page shows and how many wait for each.</summary>
public sealed record DiaryWaiting(IReadOnlyList<(DateOnly Date, int Count)> Days)
{
    public const string Key = "Waiting";

    public static async Task<DiaryWaiting> ForAsync(IWaitingCounts counts, IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        var shown = days.Distinct().Order().ToList();
        if (shown.Count == 0)
        {
            return new DiaryWaiting([]);
        }
        var found = await counts.CountsAsync(shown[0], shown[^1], cancellationToken);
        return new DiaryWaiting([.. shown.Select(d => (d, found.GetValueOrDefault(d)))]);
    }
}
