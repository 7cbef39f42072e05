using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.Waitlist;

public sealed record JoinView(JoinForm Form, Schedule Schedule, TreatmentChoice Treatment, DateOnly First, DateOnly Last, string HoldFor, string WakingHours);

/// <summary>The offer page: the hour, whether it is still held, and what the client's press did.</summary>
public sealed record OfferPage(string Token, string Hour, string Wanted, string HeldUntil, string HoldFor, string WakingHours, OfferState State, bool Live, bool EntryWaiting);

/// <summary>
/// Joining (from the times step), leaving and claiming. The emailed links only show a page on GET; leaving,
/// claiming and declining are buttons that POST. A forged or stale link gets the site's "link not valid" page.
/// </summary>
[PrivatePage]
public sealed class WaitlistController(
    WaitlistJoining joining, WaitlistClaims claims, Availability availability, DayChoices days, HoldClock hold, SlotText text,
    IValidator<JoinForm> validator, ILogger<WaitlistController> logger) : Controller
{
    [HttpGet("/waitlist/join")]
    public async Task<IActionResult> Join(string? treatment, string? therapist, string? date, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        if (schedule.Treatment(treatment) is not { } chosen)
        {
            return Redirect("/book");
        }
        var (first, last) = days.Window;
        var from = JoinForm.TryDate(date, out var asked) && asked >= first && asked <= last ? asked : first;
        var form = new JoinForm
        {
            Treatment = chosen.Slug,
            Therapist = TherapistChoice.TryParse(therapist, out var id) ? TherapistChoice.Format(id) : TherapistChoice.Any,
            From = Iso(from),
            To = Iso(from.AddDays(13) < last ? from.AddDays(13) : last),
        };
        return View(ViewOf(form, schedule, chosen));
    }

    [HttpPost("/waitlist/join")]
    [EnableRateLimiting(RateLimits.Booking)]
    [SameOriginPost]
    public async Task<IActionResult> Join(JoinForm? form, CancellationToken cancellationToken)
    {
        if (form is null)
        {
            return BadRequest();
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        if (schedule.Treatment(form.Treatment) is not { } chosen)
        {
            return Redirect("/book");
        }
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot filled the honeypot: nothing is stored, and the page looks like any other.
            logger.LogInformation("Waitlist join refused: the honeypot field was filled");
            return View("Joined");
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        if (ModelState.IsValid)
        {
            var result = await joining.JoinAsync(form, cancellationToken);
            if (result.Entry is not null)
            {
                return Redirect("/waitlist/joined");
            }
            ModelState.AddModelError(result.Field!, result.Problem!);
        }
        return View(ViewOf(form, schedule, chosen));
    }

    [HttpGet("/waitlist/joined")]
    public IActionResult Joined() => View();

    [HttpGet("/waitlist/leave/{token}")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> Leave(string token, CancellationToken cancellationToken) =>
        await joining.FindByLeaveTokenAsync(token, cancellationToken) is { } entry
            ? View(new LeavePage(token, WaitlistWishes.When(entry), entry.State == WaitlistState.Waiting))
            : this.NotValid();

    [HttpPost("/waitlist/leave/{token}")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> LeaveNow(string token, CancellationToken cancellationToken) =>
        await joining.LeaveAsync(token, cancellationToken) ? Redirect("/waitlist/leave/" + Uri.EscapeDataString(token)) : this.NotValid();

    [HttpGet("/waitlist/offer/{token}")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> Offer(string token, string? outcome, CancellationToken cancellationToken)
    {
        if (await claims.FindAsync(token, cancellationToken) is not { } found)
        {
            return this.NotValid();
        }
        ViewData["Outcome"] = Enum.TryParse<ClaimOutcome>(outcome, out var o) ? o : (ClaimOutcome?)null;
        var schedule = await availability.ScheduleAsync(cancellationToken);
        return View(new OfferPage(token, text.Range(found.Offer.StartUtc), WaitlistWishes.Wanted(schedule, found.Entry.TreatmentId, found.Offer.TherapistId),
            text.At(found.Offer.HeldUntilUtc), hold.HoldText, hold.WakingText, found.Offer.State, found.Live, found.Entry.State == WaitlistState.Waiting));
    }

    [HttpPost("/waitlist/offer/{token}")]
    [EnableRateLimiting(RateLimits.Booking)]
    public async Task<IActionResult> Claim(string token, CancellationToken cancellationToken) =>
        After(token, await claims.ClaimAsync(token, cancellationToken));

    [HttpPost("/waitlist/offer/{token}/decline")]
    [EnableRateLimiting(RateLimits.Manage)]
    public async Task<IActionResult> Decline(string token, CancellationToken cancellationToken) =>
        After(token, await claims.DeclineAsync(token, cancellationToken));

    private IActionResult After(string token, ClaimResult result) => result.Outcome == ClaimOutcome.NotFound
        ? this.NotValid()
        : Redirect($"/waitlist/offer/{Uri.EscapeDataString(token)}?outcome={result.Outcome}");

    private JoinView ViewOf(JoinForm form, Schedule schedule, TreatmentChoice treatment)
    {
        var (first, last) = days.Window;
        return new JoinView(form, schedule, treatment, first, last, hold.HoldText, hold.WakingText);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record LeavePage(string Token, string When, bool Waiting);
