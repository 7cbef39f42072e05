namespace HemelMassage.Web.Email.Templates;

/// <summary>What the waitlist's emails may say; every value already one line of plain text (<see cref="EmailSanitizer.SingleLine"/>).</summary>
/// <param name="Wanted">"Deep tissue massage with Sarah" or "… with any therapist".</param>
/// <param name="When">"Tuesday 1 December to Friday 11 December, mornings".</param>
public sealed record WaitlistJoinedModel(string Name, string Wanted, string When, string HoldFor, string WakingHours, string LeaveUrl);

public sealed record WaitlistOfferModel(string Name, string Hour, string Wanted, string HeldUntil, string HoldFor, string WakingHours, string ClaimUrl);

public sealed record WaitlistExpiredModel(string Name, string Hour, string Until);

public sealed record WaitlistRemovedModel(string Name, string Wanted, string When);
