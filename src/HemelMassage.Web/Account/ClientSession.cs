namespace HemelMassage.Web.Account;

/// <summary>
/// A client signed in to their own page. The cookie carries only a random secret; this row is the session, so
/// signing out (deleting it) ends a copied cookie too. It ends by itself when old; the cookie ends it sooner when idle.
/// </summary>
public sealed class ClientSession
{
    public int Id { get; set; }
    /// <summary>SHA-256 of the cookie's secret: the database alone cannot be turned into a session.</summary>
    public required string SecretHash { get; set; }
    public int ClientId { get; set; }
    public DateTime CreatedAtUtc { get; set; }
}
