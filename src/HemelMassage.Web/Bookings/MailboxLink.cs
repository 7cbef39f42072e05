namespace HemelMassage.Web.Bookings;

/// <summary>What a link sent to a client's address lets its holder do: things a booking's own link may not.</summary>
public enum MailboxLinkPurpose
{
    /// <summary>Confirm a booking in progress beyond the online cap for that address.</summary>
    ConfirmBooking = 1,
    /// <summary>Withdraw the health-data consent and delete the answers of every booking of the client.</summary>
    WithdrawHealthConsent = 2,
    /// <summary>No follow-up email after any visit.</summary>
    StopFollowUps = 3,
    /// <summary>Sign in to the client's own page (<c>/account</c>): asked for by anyone, emailed only when the address is a client's.</summary>
    SignIn = 4,
    /// <summary>"Confirm this booking is yours": joins an online booking to the client record its address already had.</summary>
    ProveBooking = 5,
    /// <summary>Change the address of the client's record (<see cref="MailboxLink.ClientId"/>) to the one the link went to (<see cref="MailboxLink.Email"/>).</summary>
    ChangeEmail = 6,
}

/// <summary>
/// Proof of a mailbox: a 256-bit token emailed to <see cref="Email"/>, stored only as a hash, used once, and
/// acting only through a page with a button that POSTs (mail scanners follow links).
/// </summary>
public sealed class MailboxLink
{
    public int Id { get; set; }
    public required string TokenHash { get; set; }
    public MailboxLinkPurpose Purpose { get; set; }
    /// <summary>Lower-cased: the address the link was sent to.</summary>
    public required string Email { get; set; }
    public int? ClientId { get; set; }
    /// <summary>For <see cref="MailboxLinkPurpose.ConfirmBooking"/>: the booking in progress.</summary>
    public string? PendingKey { get; set; }
    /// <summary>For <see cref="MailboxLinkPurpose.ProveBooking"/>: the booking it joins to the client's record.</summary>
    public int? BookingId { get; set; }
    /// <summary>
    /// For <see cref="MailboxLinkPurpose.SignIn"/>: when the email side looked the address up. Every request writes a row
    /// (so the page does the same work whoever asks); a link is made and emailed only then, and only for a client.
    /// </summary>
    public DateTime? DecidedAtUtc { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime ExpiresAtUtc { get; set; }
    public DateTime? UsedAtUtc { get; set; }

    /// <summary>Where a link lands: the client's sign-in page, the new-address page, or the mailbox page that names what its button does.</summary>
    public static string PathOf(MailboxLinkPurpose purpose, string token) => purpose switch
    {
        MailboxLinkPurpose.SignIn => "/account/sign-in/",
        MailboxLinkPurpose.ChangeEmail => "/account/email/",
        _ => "/booking/email/",
    } + token;

    /// <summary>The account's own links (sign-in, a new address), which the booking's mailbox page does not act on.</summary>
    public static bool IsAccounts(MailboxLinkPurpose purpose) => purpose is MailboxLinkPurpose.SignIn or MailboxLinkPurpose.ChangeEmail;
}
