namespace HemelMassage.Web.Staff;

/// <summary>
/// The one-time link, logged on a start with no staff at all, that creates the first Owner. Only a hash of
/// the token is stored; it works once, for 24 hours, and only while there is still no staff account.
/// </summary>
public sealed class StaffSetupToken
{
    public int Id { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? UsedUtc { get; set; }
}
