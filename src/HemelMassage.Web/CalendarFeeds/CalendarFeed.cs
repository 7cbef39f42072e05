namespace HemelMassage.Web.CalendarFeeds;

/// <summary>
/// A therapist's private calendar link (<c>/calendar/{token}.ics</c>): one per therapist at most, a 256-bit token
/// kept only as its hash, so the page that made the link is the only place it was ever shown. A new link replaces
/// the hash (the old address stops at once); stopping it deletes the row.
/// </summary>
public sealed class CalendarFeed
{
    public int Id { get; set; }
    public int TherapistId { get; set; }
    public required string TokenHash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
