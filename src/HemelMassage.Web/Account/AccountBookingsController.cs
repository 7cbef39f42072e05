using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Account;

/// <summary>"My bookings": every page here needs a client session; without one it goes to <c>/account</c> to sign in.</summary>
[PrivatePage]
public sealed class AccountBookingsController(AccountBookings bookings, IOptions<BookingOptions> options) : Controller
{
    [HttpGet("/account/bookings")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId)
        {
            return Redirect("/account");
        }
        var (upcoming, past) = await bookings.ListAsync(clientId, cancellationToken);
        return View("Bookings", new AccountBookingsView(upcoming, past, Durations.Say(options.Value.CancellationCutoff)));
    }
}
