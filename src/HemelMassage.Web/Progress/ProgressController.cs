using System.Security.Claims;
using FluentValidation;
using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Progress;

public sealed record ProgressPage(int ClientId, string ClientName, ClientProgress Progress, int ReviewAfterVisits);

/// <summary>The summary page: with a consent on record the summary itself, else the form that records one.</summary>
public sealed record SummaryPage(int ClientId, string ClientName, SummaryConsent? Consent, ClientProgress? Progress,
    IReadOnlyDictionary<int, SummaryNote> Notes, ConsentForm Form);

/// <summary>
/// A client's treatment record over time: progress per felt area (<c>/admin/clients/{id}/progress</c>) and the summary
/// for a GP or physiotherapist, produced only once the client's consent to share it is recorded. The Owner and the
/// therapists who treated the client only; every read audited.
/// </summary>
[Area("Admin")]
[Route("admin/clients/{id:int}")]
public sealed class ProgressController(
    ClinicDbContext db, ClinicalAccess access, ClinicalRecords records, ClinicalSummary summaries,
    IOptions<TreatmentOptions> options, IValidator<ConsentForm> validator) : Controller
{
    [HttpGet("progress")]
    public async Task<IActionResult> Show(int id, CancellationToken cancellationToken)
    {
        if (await ClientNameAsync(id, cancellationToken) is not string name)
        {
            return NotFound();
        }
        if (!await access.MayReadAsync(User, id, cancellationToken))
        {
            return Clinical(id, name);
        }
        var visits = await records.ReadAsync(id, includeRestricted: User.IsInRole(StaffRoles.Owner), cancellationToken);
        return View("Progress", new ProgressPage(id, name, ClientProgress.Of(visits, options.Value.ReviewAfterVisits), options.Value.ReviewAfterVisits));
    }

    [HttpGet("summary")]
    public Task<IActionResult> Summary(int id, CancellationToken cancellationToken) => SummaryAsync(id, null, cancellationToken);

    [HttpPost("summary/consent")]
    public async Task<IActionResult> Consent(int id, ConsentForm form, CancellationToken cancellationToken)
    {
        if (await ClientNameAsync(id, cancellationToken) is not string name)
        {
            return NotFound();
        }
        if (!await access.MayReadAsync(User, id, cancellationToken))
        {
            return Clinical(id, name);
        }
        ModelState.Clear();
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await SummaryAsync(id, form, cancellationToken);
        }
        var by = User.FindFirstValue(StaffClaimsPrincipalFactory.DisplayNameClaim) ?? User.Identity?.Name ?? "staff";
        await summaries.RecordConsentAsync(id, form, User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", by, cancellationToken);
        TempData["Notice"] = "Consent recorded. The summary below is ready to print.";
        return Redirect($"/admin/clients/{id}/summary");
    }

    private async Task<IActionResult> SummaryAsync(int id, ConsentForm? form, CancellationToken cancellationToken)
    {
        if (await ClientNameAsync(id, cancellationToken) is not string name)
        {
            return NotFound();
        }
        if (!await access.MayReadAsync(User, id, cancellationToken))
        {
            return Clinical(id, name);
        }
        var consent = await summaries.ConsentAsync(id, cancellationToken);
        var blank = form ?? new ConsentForm { GivenBy = name };
        if (consent is null || form is not null)
        {
            // Nothing clinical is read for the form: the summary is made only once consent is on record.
            return View("Summary", new SummaryPage(id, name, consent, null, new Dictionary<int, SummaryNote>(), blank));
        }
        var visits = await records.ReadAsync(id, includeRestricted: User.IsInRole(StaffRoles.Owner), cancellationToken);
        var notes = await summaries.NotesAsync(id, [.. visits.Select(v => v.BookingId)], consent.SharedWith, cancellationToken);
        return View("Summary", new SummaryPage(id, name, consent, ClientProgress.Of(visits, options.Value.ReviewAfterVisits), notes, blank));
    }

    /// <summary>Reception and other therapists: a page that says why, with 403.</summary>
    private ViewResult Clinical(int id, string name)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("Clinical", new ProgressPage(id, name, new ClientProgress([], []), options.Value.ReviewAfterVisits));
    }

    private Task<string?> ClientNameAsync(int id, CancellationToken cancellationToken) =>
        db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken);
}
