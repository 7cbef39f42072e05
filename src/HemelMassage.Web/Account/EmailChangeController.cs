using HemelMassage.Web.Bookings;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.Account;

/// <summary>The states of a new-address link's page: its button, what pressing it did, or why there is none.</summary>
public enum EmailChangeLinkState
{
    Live,
    Changed,
    Used,
    Expired,
    Taken,
}

public sealed record EmailChangeLinkView(string Token, string NewEmail, EmailChangeLinkState State);

/// <summary>
/// The link "My details" sends to a new address (<c>/account/email/{token}</c>): the GET says what the button does and changes
/// nothing (mail scanners follow links); the POST makes the change. Holding the link is the proof, so no session is needed.
/// </summary>
[EnableRateLimiting(RateLimits.Manage)]
[PrivatePage]
public sealed class EmailChangeController(MailboxLinks links, MyDetails details, ClientSessions sessions) : Controller
{
    [HttpGet("/account/email/{token}")]
    public async Task<IActionResult> Show(string token, CancellationToken cancellationToken)
    {
        if (await LinkAsync(token, cancellationToken) is not { } link)
        {
            return this.NotValid();
        }
        var state = link.UsedAtUtc is not null ? EmailChangeLinkState.Used : links.IsLive(link) ? EmailChangeLinkState.Live : EmailChangeLinkState.Expired;
        return View("EmailChange", new EmailChangeLinkView(token, link.Email, state));
    }

    [HttpPost("/account/email/{token}")]
    public async Task<IActionResult> Change(string token, CancellationToken cancellationToken)
    {
        if (await LinkAsync(token, cancellationToken) is not { } link)
        {
            return this.NotValid();
        }
        var state = await details.ConfirmEmailChangeAsync(link, cancellationToken) switch
        {
            EmailChangeOutcome.Changed => EmailChangeLinkState.Changed,
            EmailChangeOutcome.Used => EmailChangeLinkState.Used,
            EmailChangeOutcome.Taken => EmailChangeLinkState.Taken,
            _ => EmailChangeLinkState.Expired,
        };
        if (state == EmailChangeLinkState.Changed)
        {
            // Whoever else was signed in under the old address is signed out; this browser, if it was signed in, stays.
            await sessions.EndOthersAsync(HttpContext, link.ClientId!.Value, cancellationToken);
        }
        return View("EmailChange", new EmailChangeLinkView(token, link.Email, state));
    }

    private async Task<MailboxLink?> LinkAsync(string token, CancellationToken cancellationToken) =>
        await links.FindAsync(token, cancellationToken) is { Purpose: MailboxLinkPurpose.ChangeEmail, ClientId: not null } link ? link : null;
}
