namespace HemelMassage.Web.Clients;

/// <summary>One person who books, found again by their email address.</summary>
public sealed class Client
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>Lower-cased, so a returning client is found whatever they typed; empty when a phone client gave none.</summary>
    public required string Email { get; set; }
    public required string Phone
    {
        get;
        set
        {
            field = value;
            PhoneKey = PhoneNumbers.Key(value);
        }
    }
    /// <summary><see cref="Phone"/> as <see cref="PhoneNumbers.Key"/> makes it, indexed: the search finds a number however it was typed.</summary>
    public string PhoneKey { get; private set; } = "";
    /// <summary>Staff's own notes about the client (preferences, how to reach them): never health data, never sent to the client.</summary>
    public string? StaffNotes { get; set; }
    public bool FirstVisit { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>The client asked for no follow-up email after any visit: set only by staff or through a link sent to their address.</summary>
    public bool NoFollowUp { get; set; }
    /// <summary>The client asked for no day-before reminder: set by staff or by the client on their own page.</summary>
    public bool NoReminders { get; set; }
    /// <summary>When the client asked, on their own page, to be erased; cleared when the Owner erases the record. The Owner acts under the retention rules.</summary>
    public DateTime? ErasureRequestedAtUtc { get; set; }
}
