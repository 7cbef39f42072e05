using HemelMassage.Web.Clients;

namespace HemelMassage.Web.Book;

/// <summary>
/// The client signed in to their own page in this browser, if any (the Account feature answers). Booking uses it
/// to fill in their details and, when the booking's address is theirs, as proof of the mailbox.
/// </summary>
public interface ISignedInClient
{
    Task<Client?> FindAsync(HttpContext http, CancellationToken cancellationToken);
}
