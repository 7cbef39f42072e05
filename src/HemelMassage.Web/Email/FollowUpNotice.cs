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
