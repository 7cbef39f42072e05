using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Staff;

/// <summary>The one-time setup link from the log: creates the first Owner while there is no staff at all.</summary>
[Area("Admin")]
[AllowAnonymous]
[Route("admin/account/setup")]
public sealed class FirstOwnerController(FirstOwnerSetup setup, IValidator<FirstOwnerForm> validator, ILogger<FirstOwnerController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? token) =>
        await setup.IsValidAsync(token) ? View("FirstOwner", new FirstOwnerForm { Token = token! }) : View("LinkExpired");

    [HttpPost("")]
    public async Task<IActionResult> Index(FirstOwnerForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!await setup.IsValidAsync(form.Token))
        {
            return View("LinkExpired");
        }
        if (!ModelState.IsValid)
        {
            return View("FirstOwner", form);
        }
        var result = await setup.CompleteAsync(form.Token, form.Email.Trim(), form.DisplayName, form.NewPassword);
        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            return View("LinkExpired");
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(form.NewPassword));
            return View("FirstOwner", form);
        }
        logger.LogInformation("First Owner {Email} created from the setup link", form.Email);
        TempData["Notice"] = "Your Owner account is ready. Sign in with it now.";
        return Redirect(StaffServiceCollectionExtensions.SignInPath);
    }
}
