using FluentValidation;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Areas.Admin.Controllers;

/// <summary>The one-time setup link from the log: creates the first Owner while there is no staff at all.</summary>
[Area("Admin")]
[AllowAnonymous]
[Route("admin/account/setup")]
public sealed class FirstOwnerController(FirstOwnerSetup setup, IValidator<FirstOwnerForm> validator, ILogger<FirstOwnerController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? token) =>
        await setup.IsValidAsync(token) ? View(new FirstOwnerForm { Token = token! }) : View("../SignIn/LinkExpired");

    [HttpPost("")]
    public async Task<IActionResult> Index(FirstOwnerForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(form));
        if (!await setup.IsValidAsync(form.Token))
        {
            return View("../SignIn/LinkExpired");
        }
        if (!ModelState.IsValid)
        {
            return View(form);
        }
        var result = await setup.CompleteAsync(form.Token, form.Email.Trim(), form.DisplayName, form.NewPassword);
        if (result.Errors.Any(e => e.Code == "InvalidToken"))
        {
            return View("../SignIn/LinkExpired");
        }
        if (!result.Succeeded)
        {
            ModelState.AddErrors(result, nameof(form.NewPassword));
            return View(form);
        }
        logger.LogInformation("First Owner {Email} created from the setup link", form.Email);
        TempData["Notice"] = "Your Owner account is ready. Sign in with it now.";
        return Redirect(StaffServiceCollectionExtensions.SignInPath);
    }
}
