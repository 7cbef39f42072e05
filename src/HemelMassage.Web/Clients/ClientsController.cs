using System.Text;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Clients;

public sealed record ClientsPage(string? Term, IReadOnlyList<ClientRow> Clients);

/// <summary>Client records for reception and the Owner; merging, export and erasure are the Owner's.</summary>
[Area("Admin")]
[Route("admin/clients")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class ClientsController(ClientRecords records, ClientPrivacy privacy, Intake.IntakeRecords intakes, Data.ClinicDbContext db) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken) =>
        View(new ClientsPage(q, await records.SearchAsync(q is { Length: <= 100 } ? q : null, cancellationToken)));

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken) =>
        await records.PageAsync(id, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:int}/merge")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Merge(int id, int? into, CancellationToken cancellationToken)
    {
        if (into is not int keep || !await records.MergeAsync(id, keep, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Merged: the bookings now belong to this client.";
        return Redirect($"/admin/clients/{keep}");
    }

    [HttpGet("{id:int}/export")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Export(int id, CancellationToken cancellationToken) =>
        await privacy.ExportAsync(id, cancellationToken) is string json
            ? File(Encoding.UTF8.GetBytes(json), "application/json", $"client-{id}.json")
            : NotFound();

    [HttpPost("{id:int}/withdraw-health-consent")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> WithdrawHealthConsent(int id, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FindAsync([id], cancellationToken);
        if (client is null)
        {
            return NotFound();
        }
        var bookings = await intakes.WithdrawConsentAsync(id, client.Email, cancellationToken);
        TempData["Notice"] = $"Health consent withdrawn: answers and body-map marks deleted from {bookings} bookings.";
        return Redirect($"/admin/clients/{id}");
    }

    [HttpPost("{id:int}/erase")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Erase(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            TempData["Problem"] = "Tick the box to confirm: erasing cannot be undone.";
            return Redirect($"/admin/clients/{id}");
        }
        if (!await privacy.EraseAsync(id, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "The client's personal data is erased; their bookings stay in the diary, anonymised.";
        return Redirect($"/admin/clients/{id}");
    }
}
