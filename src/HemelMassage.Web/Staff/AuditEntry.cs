namespace HemelMassage.Web.Staff;

/// <summary>
/// One staff change, kept for accountability: who did what to whom and when. Never health data:
/// <see cref="Detail"/> says what changed, not what a client said.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    /// <summary>The staff account that acted; null for the command line.</summary>
    public string? ActorId { get; set; }
    public string Actor { get; set; } = "";
    public string Action { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Detail { get; set; } = "";
}
