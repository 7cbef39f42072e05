using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.Account;

/// <summary>
/// "My details" (<c>/account/details</c>): name and phone, the emails a client wants, their health consent. Every page
/// and every post needs a client session: without one (a form left open past the session) it goes to <c>/account</c>
/// and changes nothing.
/// </summary>
[PrivatePage]
public sealed class MyDetailsController(MyDetails details, IValidator<MyDetailsForm> validator, IValidator<MyEmailForm> emailValidator) : Controller
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

    /// <summary>A new address: nothing changes here; a link goes to it (<see cref="MyDetails.AskEmailChangeAsync"/>).</summary>
    [HttpPost("/account/details/email")]
    [EnableRateLimiting(RateLimits.Account)]
    public async Task<IActionResult> ChangeEmail(MyEmailForm? form, CancellationToken cancellationToken)
    {
        if (await ClientSessions.ClientIdAsync(HttpContext) is not int clientId)
        {
            return Redirect("/account");
        }
        form ??= new MyEmailForm();
        ModelState.Clear();
        ModelState.AddErrors(await emailValidator.ValidateAsync(form, cancellationToken));
        var asked = ModelState.IsValid ? await details.AskEmailChangeAsync(clientId, form.NewEmail!, cancellationToken) : (EmailChangeAsked?)null;
        if (asked == EmailChangeAsked.Gone)
        {
            return Redirect("/account");
        }
        if (asked == EmailChangeAsked.Same)
        {
            ModelState.AddModelError(nameof(MyEmailForm.NewEmail), "That is already your email address: enter the new one.");
        }
        else if (asked == EmailChangeAsked.Taken)
        {
            ModelState.AddModelError(nameof(MyEmailForm.NewEmail), MyDetails.TakenMessage);
        }
        if (asked != EmailChangeAsked.Sent)
        {
            return await details.PageAsync(clientId, null, cancellationToken, form) is { } page ? View("Details", page) : Redirect("/account");
        }
        TempData["Notice"] = $"We have emailed a link to {form.NewEmail!.Trim()}. Your address changes only when you open it and press its button, within {Bookings.Durations.Say(ManageBooking.MailboxLinks.Lifetime)}; until then we keep writing to your current one.";
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
