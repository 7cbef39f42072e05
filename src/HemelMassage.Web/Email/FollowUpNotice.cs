namespace HemelMassage.Web.Email;

/// <summary>
/// A visit's follow-up, as it stands when the email is queued: where the client felt it, the areas
/// worked that they did not mention (with why), and the articles about them. Region names only: no answers.
/// </summary>
public sealed record FollowUpNotice(
    int BookingId, string ClientName, string ClientEmail, DateTime StartUtc,
    IReadOnlyList<string> Felt, IReadOnlyList<FollowUpReason> AlsoWorked, IReadOnlyList<string> WorkedAsFelt,
    IReadOnlyList<EmailLink> Articles)
{
    /// <summary>The next visit the therapist's plan asks for, with the free hours near it; null without a plan in force.</summary>
    public NextVisitOffer? NextVisit { get; init; }
}

/// <param name="Plan">The plan in words: "3 more visits, every 2 weeks".</param>
/// <param name="Hours">Free hours with the same therapist near <paramref name="PlannedUtc"/>, each a link that opens the booking's
/// times step with the hour chosen (the client still confirms there); empty when none can be booked online.</param>
/// <param name="OtherTimes">The times step for that therapist and day, to choose another hour.</param>
public sealed record NextVisitOffer(string Plan, DateTime PlannedUtc, string TherapistName, IReadOnlyList<EmailLink> Hours, string OtherTimes);

public sealed record FollowUpReason(IReadOnlyList<string> Areas, string Why);
