using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Email;

public sealed record OutboxRow(int Id, string To, string Subject, OutboxStatus Status, int Attempts, string? LastError, DateTime NextAttemptAt);

/// <summary>The Owner's view of email that has not gone: failed messages with the server's answer, and a re-send button.</summary>
[Area("Admin")]
[Route("admin/outbox")]
[Authorize(Roles = StaffRoles.Owner)]
public sealed class OutboxController(ClinicDbContext db, AuditLog audit, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Outbox", await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed || m.Status == OutboxStatus.Pending || m.Status == OutboxStatus.Sending)
            .OrderByDescending(m => m.Status == OutboxStatus.Failed).ThenBy(m => m.Id).Take(200)
            .Select(m => new OutboxRow(m.Id, m.ToAddress, m.Subject, m.Status, m.Attempts, m.LastError, m.NextAttemptAt))
            .ToListAsync(cancellationToken));

    [HttpPost("{id:int}/resend")]
    public async Task<IActionResult> Resend(int id, CancellationToken cancellationToken)
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
        return Redirect("/admin/outbox");
    }
}
