using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Account;

/// <summary>
/// The client's own page. Signed out, <c>/account</c> asks for an email address and answers the same whoever's it
/// is; the emailed link opens a page whose button signs in (a GET never uses the link: mail scanners follow links).
/// </summary>
[PrivatePage]
public sealed class AccountController(
    SignInLinks signInLinks, MailboxLinks links, ClientSessions sessions, ClinicDbContext db, IValidator<AccountEmailForm> validator) : Controller
{
    [HttpGet("/account")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (await SignedInAsync(cancellationToken) is not { } client)
        {
            return View("SignIn", new AccountEmailForm());
        }
        return View("Home", new AccountHome(client.Name, client.Email, AccountSections.All));
    }

    [HttpPost("/account")]
    [EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> Index(AccountEmailForm? form, CancellationToken cancellationToken)
    {
        form ??= new AccountEmailForm();
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return View("SignIn", form);
        }
        await signInLinks.RequestAsync(form.Email!, cancellationToken);
        return Redirect("/account/sent");
    }

    [HttpGet("/account/sent")]
    public IActionResult Sent() => View(new SignInLinkView("", SignInLinkState.Live));

    [HttpGet("/account/sign-in/{token}")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> Link(string token, CancellationToken cancellationToken)
    {
        if (await SignInLinkAsync(token, cancellationToken) is not { } link)
        {
            return this.NotValid();
        }
        return View("Link", new SignInLinkView(token, StateOf(link)));
    }

    [HttpPost("/account/sign-in/{token}")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> UseLink(string token, CancellationToken cancellationToken)
    {
        if (await SignInLinkAsync(token, cancellationToken) is not { } link)
        {
            return this.NotValid();
        }
        // The client must still have the address the link went to: a changed or erased record signs nobody in.
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == link.ClientId && c.Email == link.Email, cancellationToken);
        var state = client is null ? SignInLinkState.Expired : StateOf(link);
        if (state != SignInLinkState.Live || !await links.UseAsync(link, cancellationToken))
        {
            // Two presses at once: the second finds it used.
            return View("Link", new SignInLinkView(token, state == SignInLinkState.Live ? SignInLinkState.Used : state));
        }
        await sessions.SignInAsync(HttpContext, client!.Id, cancellationToken);
        return Redirect("/account");
    }

    [HttpPost("/account/sign-out")]
    public async Task<IActionResult> SignOutClient(CancellationToken cancellationToken)
    {
        await sessions.SignOutAsync(HttpContext, cancellationToken);
        return Redirect("/account/signed-out");
    }

    [HttpGet("/account/signed-out")]
    public IActionResult SignedOut() => View();

    private SignInLinkState StateOf(MailboxLink link) =>
        link.UsedAtUtc is not null ? SignInLinkState.Used : links.IsLive(link) ? SignInLinkState.Live : SignInLinkState.Expired;

    /// <summary>A sign-in link that was emailed (a request never decided, or for no client, has no token anyone holds).</summary>
    private async Task<MailboxLink?> SignInLinkAsync(string token, CancellationToken cancellationToken) =>
        await links.FindAsync(token, cancellationToken) is { Purpose: MailboxLinkPurpose.SignIn, ClientId: not null } link ? link : null;

    private Task<Clients.Client?> SignedInAsync(CancellationToken cancellationToken) => sessions.FindAsync(HttpContext, cancellationToken);
}
