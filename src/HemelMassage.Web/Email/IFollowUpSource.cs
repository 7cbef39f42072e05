using HemelMassage.Web.Data;

namespace HemelMassage.Web.Email;

/// <summary>
/// A visit's follow-up, as it stands when the email is queued: where the client felt it, the areas
/// worked that they did not mention (with why), and the articles about them. Region names only: no answers.
/// </summary>
public sealed record FollowUpNotice(
    int BookingId, string ClientName, string ClientEmail, DateTime StartUtc,
    IReadOnlyList<string> Felt, IReadOnlyList<FollowUpReason> AlsoWorked, IReadOnlyList<string> WorkedAsFelt,
    IReadOnlyList<EmailLink> Articles);

public sealed record FollowUpReason(IReadOnlyList<string> Areas, string Why);

/// <summary>What the follow-up job asks the intake feature each time it runs: visits as they are now.</summary>
public interface IFollowUpSource
{
    /// <summary>
    /// Visits that started in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), were not cancelled or
    /// missed, whose therapist recorded the areas worked, for clients who did not opt out. Read only.
    /// </summary>
    Task<IReadOnlyList<FollowUpNotice>> VisitsAsync(ClinicDbContext db, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);
}
