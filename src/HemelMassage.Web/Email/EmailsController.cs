using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Email;

/// <summary>
/// Every email, sent or waiting, so reception can answer "did she get her confirmation?": search, failed first,
/// and a re-send for a failed one (its sealed link still opens at sending). The Owner's, as the outbox was.
/// </summary>
[Area("Admin")]
[Route("admin/emails")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class EmailsController(EmailSearch search, ClinicDbContext db, AuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken cancellationToken) =>
        View("Emails", await search.FindAsync(q, page, cancellationToken));

    /// <summary>The outbox's old address, kept for bookmarks.</summary>
    [HttpGet("/admin/outbox")]
    public IActionResult Outbox() => RedirectPermanent("/admin/emails");

    [HttpPost("{id:int}/resend")]
    public async Task<IActionResult> Resend(int id, string? q, CancellationToken cancellationToken)
    {
        if (await db.RequeueFailedAsync(id, clock, cancellationToken))
        {
            await audit.SaveAsync("email.resend", $"outbox {id}");
            TempData["Notice"] = "The email is queued to be sent again.";
        }
        else
        {
            TempData["Problem"] = "That email is not a failed one any more (sent, waiting or already re-sent).";
        }
        return Redirect(string.IsNullOrWhiteSpace(q) ? "/admin/emails" : "/admin/emails?q=" + Uri.EscapeDataString(q.Trim()));
    }
}
