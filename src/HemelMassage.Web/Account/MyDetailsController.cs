using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Account;

/// <summary>
/// "My details" (<c>/account/details</c>): name and phone, the emails a client wants, their health consent. Every page
/// and every post needs a client session: without one (a form left open past the session) it goes to <c>/account</c>
/// and changes nothing.
/// </summary>
[PrivatePage]
public sealed class MyDetailsController(MyDetails details, IValidator<MyDetailsForm> validator) : Controller
{
    [HttpGet("/account/details")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        await ClientSessions.ClientIdAsync(HttpContext) is int clientId && await details.PageAsync(clientId, null, cancellationToken) is { } page
            ? View("Details", page)
            : Redirect("/account");

    [HttpPost("/account/details")]
    public async Task<IActionResult> Save(MyDetailsForm? form, CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId)
        {
            return Redirect("/account");
        }
        form ??= new MyDetailsForm();
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await details.PageAsync(clientId, form, cancellationToken) is { } page ? View("Details", page) : Redirect("/account");
        }
        var changed = await details.SaveContactsAsync(clientId, form, cancellationToken);
        TempData["Notice"] = string.IsNullOrEmpty(changed) ? "Nothing to change: your details were already as shown." : "Saved: your " + changed + ".";
        return Redirect("/account/details");
    }

    [HttpPost("/account/details/emails")]
    public async Task<IActionResult> Emails(MyPreferencesForm? form, CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId || !await details.SavePreferencesAsync(clientId, form ?? new(), cancellationToken))
        {
            return Redirect("/account");
        }
        TempData["Notice"] = "Saved: your choice of emails.";
        return Redirect("/account/details");
    }

    [HttpPost("/account/details/withdraw-health-consent")]
    public async Task<IActionResult> WithdrawHealthConsent(CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId || await details.WithdrawHealthConsentAsync(clientId, cancellationToken) is null)
        {
            return Redirect("/account");
        }
        TempData["Notice"] = "Your consent is withdrawn and your health answers are deleted. Your therapist will ask in person at your next visit.";
        return Redirect("/account/details");
    }
}
