using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Book;

/// <summary>Treatment, therapist, date and time. Nothing personal yet, so the choices travel in GET links.</summary>
public sealed class BookController(
    Availability availability, PendingBookings pendings, BookingBrowser browser, DayChoices days, SlotText text, IValidator<SlotForm> validator, IOptions<BookingOptions> options) : Controller
{
    // The start page is the clinic's public "book a treatment" page: search engines may list it (Lighthouse SEO
    // flagged the noindex); the later steps can carry a pending key, so they stay private.
    [HttpGet("/book")]
    [OutputCache(PolicyName = AvailabilityPages.Policy)]
    public async Task<IActionResult> Start(string? treatment, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var known = schedule.Treatment(treatment);
        var asked = treatment is { Length: > 0 } && known is null;
        var isShort = asked && Treatments.ShortRequests.Asks(treatment);
        return View(new BookStartView(schedule.Treatments, known?.Slug, isShort, asked && !isShort));
    }

    [PrivatePage]
    [HttpGet("/book/therapist")]
    [OutputCache(PolicyName = AvailabilityPages.Policy)]
    public async Task<IActionResult> Therapist(string? treatment, string? therapist, string? pending, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        if (schedule.Treatment(treatment) is not { } chosen)
        {
            return Redirect("/book?treatment=" + Uri.EscapeDataString(treatment ?? ""));
        }
        // The key is only carried on: the times page checks it belongs to this browser.
        return View(new TherapistPickView(chosen, [.. schedule.Giving(chosen.Id)], therapist, Secrets.LooksLikeToken(pending) ? pending : null));
    }

    /// <param name="start">An hour offered in an email (the follow-up's next visit): shown chosen, to be confirmed by the client's own POST.</param>
    [PrivatePage]
    [HttpGet("/book/times")]
    [OutputCache(PolicyName = AvailabilityPages.Policy)]
    public async Task<IActionResult> Times(string? treatment, string? therapist, string? date, string? problem, string? pending, string? start, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        if (schedule.Treatment(treatment) is not { } chosen)
        {
            return Redirect("/book?treatment=" + Uri.EscapeDataString(treatment ?? ""));
        }
        if (!TherapistChoice.TryParse(therapist, out var therapistId) || (therapistId is int id && schedule.Therapist(id) is null))
        {
            return Redirect("/book/therapist?treatment=" + chosen.Slug);
        }
        // Only a named problem has words: "problem=12345" or "problem=none" shows no empty notice.
        var message = Enum.TryParse<SlotProblem>(problem, ignoreCase: true, out var p) && SlotText.Problem(p, options.Value) is { Length: > 0 } words ? words : null;
        string? key = null;
        if (pending is not null)
        {
            // A page with a pending key is never the shared one (AvailabilityPages): it is this browser's booking, or refused.
            var (state, _) = await pendings.OpenAsync(pending, browser.SecretOf(HttpContext), cancellationToken);
            switch (state)
            {
                case PendingState.OtherBrowser:
                    return this.OtherBrowser($"/book/times?treatment={chosen.Slug}&therapist={TherapistChoice.Format(therapistId)}");
                case PendingState.Confirmed:
                    return Redirect("/book/done/" + pending);
                case PendingState.Expired:
                    message = BookingPages.Expired(options.Value);
                    key = pending;
                    break;
                case PendingState.InProgress:
                    key = pending;
                    break;
            }
        }
        var offered = SlotValue.TryParse(start, out var offeredUtc) ? offeredUtc : (DateTime?)null;
        if (offered is { } at)
        {
            date = DateOnly.FromDateTime(Clinic.ClinicTime.ToLocal(at)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        var view = await TimesViewAsync(schedule, chosen, therapistId, date, message, key, null, cancellationToken);
        return View(offered is { } hour ? Offered(view, hour) : view);
    }

    /// <summary>The emailed hour chosen when it is still free; else a kind word and the other times of that day.</summary>
    private TimesView Offered(TimesView view, DateTime startUtc)
    {
        if (view.Times.FirstOrDefault(s => s.StartUtc == startUtc) is { } slot)
        {
            return view with { Chosen = slot.Value, Note = $"{text.Range(startUtc)} is still free and chosen below. Press “Continue with this time” to go on: nothing is booked until you confirm." };
        }
        var sameDay = view.Date == DateOnly.FromDateTime(Clinic.ClinicTime.ToLocal(startUtc));
        return view with
        {
            Problem = $"Sorry, {text.Range(startUtc)} is no longer free." + (sameDay ? " Here are the other free times that day." : view.Problem is { } why ? " " + why : ""),
        };
    }

    [PrivatePage]
    [HttpPost("/book/times")]
    [EnableRateLimiting(RateLimits.Booking)]
    [SameOriginPost]
    public async Task<IActionResult> ChooseTime(SlotForm? form, CancellationToken cancellationToken)
    {
        if (form is null)
        {
            return BadRequest(); // a body that is not a readable form at all
        }
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var result = await validator.ValidateAsync(form, cancellationToken);
        ModelState.AddErrors(result);
        var treatment = schedule.Treatment(form.Treatment);
        var knownChoice = TherapistChoice.TryParse(form.Therapist, out var therapistId);
        if (treatment is null || !knownChoice || (therapistId is int id && schedule.Therapist(id) is null))
        {
            return Redirect("/book");
        }
        var hasStart = SlotValue.TryParse(form.Start, out var startUtc);
        // Only a key this browser made is carried on; one it did not make is refused, never taken over.
        var (state, existing) = await pendings.OpenAsync(form.Pending, browser.SecretOf(HttpContext), cancellationToken);
        switch (state)
        {
            case PendingState.OtherBrowser:
                return this.OtherBrowser($"/book/times?treatment={treatment.Slug}&therapist={TherapistChoice.Format(therapistId)}");
            case PendingState.Confirmed:
                return Redirect("/book/done/" + existing!.Key);
        }
        if (ModelState.IsValid)
        {
            var (problem, pending) = await pendings.ChooseAsync(schedule, treatment, therapistId, startUtc, existing, () => browser.Ensure(HttpContext), cancellationToken);
            if (pending is not null)
            {
                // Built by hand: LowercaseUrls would lower-case the key.
                return Redirect((pending.HasDetails ? "/book/review/" : "/book/details/") + pending.Key);
            }
            ModelState.AddModelError(nameof(SlotForm.Start), SlotText.Problem(problem, options.Value));
        }
        var date = !hasStart ? null : DateOnly.FromDateTime(Clinic.ClinicTime.ToLocal(startUtc)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return View("Times", await TimesViewAsync(schedule, treatment, therapistId, date, null, existing?.Key, form.Start, cancellationToken));
    }

    private async Task<TimesView> TimesViewAsync(
        Schedule schedule, TreatmentChoice treatment, int? therapistId, string? date, string? problem, string? pending, string? chosen, CancellationToken cancellationToken)
    {
        var free = await availability.FreeTimesAsync(schedule, treatment.Id, therapistId, cancellationToken: cancellationToken);
        var (day, dayProblem) = days.Choose(free.Dates, date, schedule);
        var label = therapistId is int id ? schedule.Therapist(id)!.Name : "No preference";
        return new TimesView(
            treatment, TherapistChoice.Format(therapistId), label, schedule, free.Dates, day,
            day is { } shown ? free.On(shown) : [],
            problem ?? dayProblem, pending, chosen, "/book/times", "/book/times")
        {
            NextFree = free.Next,
            WaitlistUrl = $"/waitlist/join?treatment={treatment.Slug}&therapist={TherapistChoice.Format(therapistId)}",
            // The page is shared by every visitor (AvailabilityPages), so its form carries no per-visitor token.
            AntiforgeryToken = false,
        };
    }
}
