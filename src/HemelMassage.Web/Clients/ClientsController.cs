using System.Text;
using FluentValidation;
using HemelMassage.Web.Site;
using Microsoft.EntityFrameworkCore;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Clients;

/// <param name="ErasureRequests">Clients who asked on their own page to be erased and are not yet: for the Owner only (empty for reception).</param>
public sealed record ClientsPage(string? Term, IReadOnlyList<ClientRow> Clients, IReadOnlyList<ClientRow> ErasureRequests);

public sealed record ClientEditPage(int Id, ClientEditForm Form);

/// <summary>Client records for reception and the Owner; merging, export and erasure are the Owner's.</summary>
[Area("Admin")]
[Route("admin/clients")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class ClientsController(
    ClientRecords records, ClientContacts contacts, ClientMerge merge, ClientPrivacy privacy, Intake.IntakeRecords intakes, Data.ClinicDbContext db,
    IValidator<ClientEditForm> editValidator, IValidator<ClientNotesForm> notesValidator) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, CancellationToken cancellationToken)
    {
        var found = await records.SearchAsync(q is { Length: <= 100 } ? q : null, cancellationToken);
        var asked = User.IsInRole(StaffRoles.Owner)
            ? await db.Clients.AsNoTracking().Where(c => c.ErasureRequestedAtUtc != null).OrderBy(c => c.ErasureRequestedAtUtc)
                .Select(c => new ClientRow(c.Id, c.Name, c.Email, c.Phone, 0, 0)).ToListAsync(cancellationToken)
            : [];
        return View(new ClientsPage(q, found, asked));
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, int? page, CancellationToken cancellationToken) =>
        await records.PageAsync(id, page ?? 1, cancellationToken) is { } found ? View(found) : NotFound();

    /// <summary>From an email's address (the email list's "fix the address"): the client's edit page.</summary>
    [HttpGet("edit")]
    public async Task<IActionResult> EditByEmail(string? email, string? @return, CancellationToken cancellationToken)
    {
        var address = ClientContacts.Normal(email);
        var id = address.Length == 0 ? null : await db.Clients.Where(c => c.Email == address).Select(c => (int?)c.Id).FirstOrDefaultAsync(cancellationToken);
        return id is int found ? Redirect($"/admin/clients/{found}/edit{ReturnQuery(@return)}") : NotFound();
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? @return, CancellationToken cancellationToken) =>
        await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is { } client
            ? View(new ClientEditPage(id, new ClientEditForm { Name = client.Name, Email = client.Email, Phone = client.Phone, Return = ClientEditForm.SafeReturn(@return) }))
            : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, ClientEditForm form, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null)
        {
            return NotFound();
        }
        form.Return = ClientEditForm.SafeReturn(form.Return);
        ModelState.AddErrors(await editValidator.ValidateAsync(form, cancellationToken));
        if (ModelState.IsValid && await contacts.HolderOfEmailAsync(form.Email, id, cancellationToken) is string holder)
        {
            ModelState.AddModelError(nameof(form.Email), $"Another client record, {holder}, has that email address. If they are the same person, merge the two records instead.");
        }
        if (!ModelState.IsValid)
        {
            return View(new ClientEditPage(id, form));
        }
        var changed = contacts.Update(client, form.Name, form.Email, form.Phone, "edited on the client record");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = changed.Length == 0 ? "Nothing changed." : $"Saved: the client's {changed} changed.";
        return Redirect(form.Return ?? $"/admin/clients/{id}");
    }

    [HttpPost("{id:int}/notes")]
    public async Task<IActionResult> Notes(int id, ClientNotesForm form, CancellationToken cancellationToken)
    {
        var result = await notesValidator.ValidateAsync(form, cancellationToken);
        if (!result.IsValid)
        {
            TempData["Problem"] = result.Errors[0].ErrorMessage;
            return Redirect($"/admin/clients/{id}#notes");
        }
        if (!await records.SaveNotesAsync(id, form.StaffNotes, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "Notes saved.";
        return Redirect($"/admin/clients/{id}#notes");
    }

    /// <summary>The two records side by side, each detail with a choice of which wins.</summary>
    [HttpGet("{id:int}/merge/{other:int}")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Merge(int id, int other, CancellationToken cancellationToken)
    {
        if (await merge.ReviewAsync(id, other, new MergeForm(), cancellationToken) is { } review)
        {
            return View("Merge", review);
        }
        TempData["Problem"] = "Those two records cannot be merged: one of them no longer exists (already merged or erased), or they are not likely the same person (same email, or same name and phone). Nothing was changed.";
        return Redirect(await db.Clients.AnyAsync(c => c.Id == id, cancellationToken) ? $"/admin/clients/{id}" : "/admin/clients");
    }

    [HttpPost("{id:int}/merge/{other:int}")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Merge(int id, int other, MergeForm form, CancellationToken cancellationToken)
    {
        var outcome = await merge.MergeAsync(id, other, form, cancellationToken);
        if (outcome == MergeOutcome.NotConfirmed && await merge.ReviewAsync(id, other, form, cancellationToken) is { } review)
        {
            ModelState.AddModelError(nameof(form.Confirm), "Tick the box to confirm these are the same person: a merge cannot be undone.");
            return View("Merge", review);
        }
        switch (outcome)
        {
            case MergeOutcome.Merged:
                TempData["Notice"] = "Merged: the other record's bookings now belong to this client, and the other record is gone.";
                break;
            case MergeOutcome.NotLikelyDuplicates:
                TempData["Problem"] = "These two records are not likely the same person (same email, or same name and phone), so they cannot be merged here. Nothing was changed.";
                break;
            default:
                TempData["Problem"] = "That record no longer exists: it has already been merged (or erased). Nothing was changed.";
                break;
        }
        return Redirect(await db.Clients.AnyAsync(c => c.Id == id, cancellationToken) ? $"/admin/clients/{id}" : "/admin/clients");
    }

    private static string ReturnQuery(string? url) => ClientEditForm.SafeReturn(url) is { } safe ? "?return=" + Uri.EscapeDataString(safe) : "";

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
        var bookings = await intakes.WithdrawConsentAsync(id, client.Email, actor: null, cancellationToken);
        TempData["Notice"] = $"Health consent withdrawn: answers and body-map marks deleted from {bookings} bookings.";
        return Redirect($"/admin/clients/{id}");
    }

    [HttpPost("{id:int}/erase")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> Erase(int id, bool confirm, string? reason, CancellationToken cancellationToken)
    {
        if (!confirm)
        {
            TempData["Problem"] = "Tick the box to confirm: erasing cannot be undone.";
            return Redirect($"/admin/clients/{id}");
        }
        if (!await privacy.EraseAsync(id, reason, cancellationToken))
        {
            return NotFound();
        }
        TempData["Notice"] = "The client's personal data is erased; their bookings stay in the diary, anonymised, and their treatment record is restricted to the Owner until its retention period ends.";
        return Redirect($"/admin/clients/{id}");
    }
}
