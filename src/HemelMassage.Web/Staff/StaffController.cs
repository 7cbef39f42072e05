using System.Security.Claims;
using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Staff;

public sealed record StaffPage(IReadOnlyList<StaffMember> Members, InviteForm Invite, string? InviteLink, string? InvitedName, IReadOnlyList<Diary.TherapistOption> Therapists);

/// <summary>The Owner's list of staff: invite, disable or enable, change role, and put an account right (new password link, authenticator reset, unlock).</summary>
[Area("Admin")]
[Authorize(Roles = StaffRoles.Owner)]
[Route("admin/staff")]
public sealed class StaffController(StaffAccounts accounts, Email.StaffInvitationEmail invitation, Diary.DiaryQueries diary, IValidator<InviteForm> inviteValidator, IValidator<RoleForm> roleValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View("Staff", new StaffPage(await accounts.ListAsync(), new InviteForm(), TempData["InviteLink"] as string, TempData["InvitedName"] as string, await diary.TherapistsAsync(HttpContext.RequestAborted)));

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Invite")] InviteForm form)
    {
        ModelState.Clear();
        ModelState.AddErrors(await inviteValidator.ValidateAsync(form), "Invite");
        if (ModelState.IsValid)
        {
            var (change, link) = await accounts.CreateAsync(form.Email.Trim(), form.DisplayName, form.Role);
            if (change.Succeeded)
            {
                // Emailed through the outbox, and shown to the Owner too: mail may be slow or not configured yet.
                await invitation.QueueAsync(form.Email, form.DisplayName, form.Role, link!);
                TempData["InviteLink"] = link;
                TempData["InvitedName"] = form.DisplayName;
                return RedirectToAction(nameof(Index));
            }
            ModelState.AddModelError("Invite.Email", change.Error!);
        }
        return View("Staff", new StaffPage(await accounts.ListAsync(), form, null, null, await diary.TherapistsAsync(HttpContext.RequestAborted)));
    }

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id) => Done(await accounts.DisableAsync(id, Me), "Account disabled: it has lost access.");

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id) => Done(await accounts.EnableAsync(id), "Account enabled.");

    [HttpPost("{id}/role")]
    public async Task<IActionResult> Role(string id, RoleForm form)
    {
        var validation = await roleValidator.ValidateAsync(form);
        return validation.IsValid
            ? Done(await accounts.ChangeRoleAsync(id, form.Role, Me), "Role changed.")
            : Done(StaffChange.Refused(validation.Errors[0].ErrorMessage), "");
    }

    [HttpPost("{id}/send-password-link")]
    public async Task<IActionResult> SendPasswordLink(string id) =>
        Done(await accounts.SendNewPasswordLinkAsync(id), "We have emailed them a link to choose a new password. Their current password works until they use it.");

    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id) =>
        Done(await accounts.ResetTwoFactorAsync(id, Me), "Authenticator app reset: they are signed out everywhere and set up a new app when they next sign in.");

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id) => Done(await accounts.UnlockAsync(id), "Account unlocked: they can sign in again now.");

    [HttpPost("{id}/therapist")]
    public async Task<IActionResult> Therapist(string id, int? therapistId) => Done(await accounts.LinkTherapistAsync(id, therapistId), "Therapist record linked.");

    private string Me => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private IActionResult Done(StaffChange change, string success)
    {
        if (!change.Succeeded && change.Error == "That account does not exist.")
        {
            return NotFound();
        }
        TempData[change.Succeeded ? "Notice" : "Problem"] = change.Succeeded ? success : change.Error;
        return RedirectToAction(nameof(Index));
    }
}
