namespace HemelMassage.Web.Email;

public enum OutboxStatus
{
    Pending,
    Sending,
    Sent,
    Failed,
    Cancelled,
}

public enum EmailKind
{
    Confirmation,
    ClinicNewBooking,
    Rescheduled,
    Cancelled,
    Reminder,
    StaffInvitation,
    ClinicNeedsConversation,
    FollowUp,
    MailboxLink,
    StaffPasswordLink,
    WaitlistJoined,
    WaitlistOffer,
    WaitlistExpired,
    WaitlistRemoved,
    /// <summary>To the old address: the client's email address was changed (no link).</summary>
    EmailChanged,
}

/// <summary>
/// One email, written in the same transaction as the change that causes it and sent later by
/// <see cref="OutboxDispatcher"/>. Its Message-ID is fixed here, so every attempt is the same message.
/// </summary>
public sealed class OutboxMessage
{
    public int Id { get; set; }
    /// <summary>Without angle brackets, e.g. <c>3f2c…@hemelmassage.co.uk</c>.</summary>
    public required string MessageId { get; set; }
    public EmailKind Kind { get; set; }
    public int? BookingId { get; set; }
    /// <summary>Set on reminders only: one reminder per booking state, enforced by a unique index.</summary>
    public string? ReminderKey { get; set; }

    public required string ToAddress { get; set; }
    public string ToName { get; set; } = "";
    public required string Subject { get; set; }
    public required string TextBody { get; set; }
    public required string HtmlBody { get; set; }
    /// <summary>An iCalendar object including its METHOD line, or null.</summary>
    public string? Ics { get; set; }
    /// <summary>
    /// The tokens of the links the email carries (one per line), encrypted with the app's Data Protection keys, until
    /// the email is sent; the bodies hold <see cref="OutboxSecrets.PlaceholderOf"/> in their place (<see cref="OutboxSecrets"/>).
    /// </summary>
    public string? ProtectedSecret { get; set; }

    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
