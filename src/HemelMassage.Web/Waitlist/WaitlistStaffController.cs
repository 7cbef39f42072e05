using FluentValidation;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Waitlist;

/// <summary>
/// The waitlist for reception and the Owner: who waits for which days, in joining order; an hour offered by hand to
/// a chosen entry (held and emailed as the waitlist's own offers are); an entry taken off with a reason. Clients'
/// contact details are here, so it is for the roles that see client records, not therapists.
/// </summary>
[Area("Admin")]
[Route("admin/waitlist")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class WaitlistStaffController(
    WaitlistStaffPages pages, WaitlistDesk desk, IValidator<WaitlistOfferForm> offerValidator, IValidator<WaitlistRemoveForm> removeValidator) : Controller
{
    public const string Gone = "That entry is no longer on the waitlist: it was booked, left, ended or was removed meanwhile.";

    [HttpGet("")]
    public async Task<IActionResult> Index(string? from, string? to, int? treatment, int? therapist, CancellationToken cancellationToken) =>
        View("Staff", await pages.ListAsync(pages.Filter(from, to, treatment, therapist), cancellationToken));

    [HttpGet("{id:int}/offer")]
    public Task<IActionResult> Offer(int id, CancellationToken cancellationToken) => OfferPageAsync(id, new WaitlistOfferForm(), cancellationToken);

    [HttpPost("{id:int}/offer")]
    public async Task<IActionResult> Offer(int id, WaitlistOfferForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await offerValidator.ValidateAsync(form, cancellationToken));
        if (ModelState.IsValid && OfferHour.Parse(form.Hour) is var (therapistId, startUtc))
        {
            var result = await desk.OfferAsync(id, therapistId, startUtc, StaffName, cancellationToken);
            if (result.Done)
            {
                TempData["Notice"] = $"Offered by email: the hour is held for them until {Clinic.ClinicTime.Brief(result.HeldUntilUtc!.Value)}.";
                return Redirect("/admin/waitlist");
            }
            if (result.Refusal is OfferRefusal.NoSuchEntry or OfferRefusal.NotWaiting)
            {
                TempData["Problem"] = Gone;
                return Redirect("/admin/waitlist");
            }
            ModelState.AddModelError(nameof(form.Hour), Refused(result.Refusal));
        }
        return await OfferPageAsync(id, form, cancellationToken);
    }

    [HttpGet("{id:int}/remove")]
    public Task<IActionResult> Remove(int id, CancellationToken cancellationToken) => RemovePageAsync(id, new WaitlistRemoveForm(), cancellationToken);

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id, WaitlistRemoveForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await removeValidator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await RemovePageAsync(id, form, cancellationToken);
        }
        if (await desk.RemoveAsync(id, form.Reason, form.Tell, cancellationToken))
        {
            TempData["Notice"] = form.Tell ? "Taken off the waitlist; the client is emailed to say so." : "Taken off the waitlist; the client is not emailed.";
        }
        else
        {
            TempData["Problem"] = Gone;
        }
        return Redirect("/admin/waitlist");
    }

    private async Task<IActionResult> OfferPageAsync(int id, WaitlistOfferForm form, CancellationToken cancellationToken)
    {
        if (await pages.EntryAsync(id, cancellationToken) is not { } entry)
        {
            TempData["Problem"] = Gone;
            return Redirect("/admin/waitlist");
        }
        return View("StaffOffer", new WaitlistOfferPage(entry, await pages.HoursAsync(id, cancellationToken), form));
    }

    private async Task<IActionResult> RemovePageAsync(int id, WaitlistRemoveForm form, CancellationToken cancellationToken)
    {
        if (await pages.EntryAsync(id, cancellationToken) is not { } entry)
        {
            TempData["Problem"] = Gone;
            return Redirect("/admin/waitlist");
        }
        return View("Remove", new WaitlistRemovePage(entry, form));
    }

    private string StaffName => User.FindFirst(StaffClaimsPrincipalFactory.DisplayNameClaim)?.Value ?? User.Identity?.Name ?? "staff";

    public static string Refused(OfferRefusal refusal) => refusal switch
    {
        OfferRefusal.NotWanted => "That hour is not one this client asked for (their days, times, treatment or therapist); choose one of the hours listed.",
        OfferRefusal.AlreadyOffered => "This client has been offered that hour before; choose another.",
        OfferRefusal.AlreadyHeld => "That hour is held for someone else on the waitlist just now; choose another.",
        OfferRefusal.NotFree => "That hour is no longer free (booked, time off or a closure meanwhile); here are the free hours now.",
        OfferRefusal.TooLate => "That hour is too close to be booked online now, so it cannot be held; choose a later one.",
        _ => "That hour cannot be offered; choose one of the hours listed.",
    };
}
