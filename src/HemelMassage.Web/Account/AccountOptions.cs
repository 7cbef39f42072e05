namespace HemelMassage.Web.Account;

/// <summary>Section <c>Account</c>: what the client's own page shows beyond their bookings and details.</summary>
public sealed class AccountOptions
{
    public const string Section = "Account";

    /// <summary>
    /// When true, "My progress" also shows each visit's signed note text (never drafts, never a restricted record), the read
    /// audited as the client's. Off by default: the notes are the therapist's working record.
    /// </summary>
    public bool ShowTherapistNotes { get; set; }
}
