using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.ManageBooking;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.Book;

/// <summary>
/// Details, review, confirm and confirmation: personal data, kept server-side under the pending key and shown
/// only to the browser that started the booking.
/// </summary>
[PrivatePage]
public sealed class BookDetailsController(
    PendingBookings pendings, BookingBrowser browser, BookingConfirmation confirmation, MailboxLinks mailbox, Availability availability, SlotText text,
    IValidator<DetailsForm> validator, Email.BookingCalendar calendar,
    Microsoft.Extensions.Options.IOptions<BookingOptions> options, ILogger<BookDetailsController> logger, CancellationRule rule, ISignedInClient signedIn) : Controller
{
    [HttpGet("/book/details/{key}")]
    public async Task<IActionResult> Details(string key, CancellationToken cancellationToken)
    {
        var (state, pending) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        if (await ElsewhereAsync(state, pending, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        var form = pendings.DetailsOf(pending!);
        // A client signed in to their own page (book again) finds their details filled in; nothing is saved until they post.
        if (string.IsNullOrEmpty(form.Email) && await signedIn.FindAsync(HttpContext, cancellationToken) is { Email.Length: > 0 } client)
        {
            (form.Name, form.Email, form.Phone, form.Visit) = (client.Name, client.Email, client.Phone, "returning");
        }
        return View(new DetailsView(await SummaryAsync(pending!, cancellationToken), form));
    }

    [HttpPost("/book/details/{key}")]
    [EnableRateLimiting(RateLimits.Booking)]
    public Task<IActionResult> SaveDetails(string key, DetailsForm form, CancellationToken cancellationToken) =>
        SaveAsync(key, form, changeTime: false, cancellationToken);

    /// <summary>"Change time" posts the form, so what was typed (and not yet sent) comes back with the new time.</summary>
    [HttpPost("/book/details/{key}/change-time")]
    [EnableRateLimiting(RateLimits.Booking)]
    public Task<IActionResult> ChangeTime(string key, DetailsForm form, CancellationToken cancellationToken) =>
        SaveAsync(key, form, changeTime: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(string key, DetailsForm form, bool changeTime, CancellationToken cancellationToken)
    {
        var (state, pending) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        // A booking whose time was let go keeps what was just typed, then asks for a new time.
        if (state != PendingState.Expired && await ElsewhereAsync(state, pending, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        if (!string.IsNullOrEmpty(form.Website))
        {
            // A bot filled the honeypot: store nothing, and give it a page that looks like any other.
            logger.LogInformation("Booking details refused: the honeypot field was filled");
            return View("Received");
        }
        ModelState.AddErrors(await validator.ValidateAsync(form, cancellationToken));
        var summary = await SummaryAsync(pending!, cancellationToken);
        if (!ModelState.IsValid && !changeTime && state == PendingState.InProgress)
        {
            return View("Details", new DetailsView(summary, form));
        }
        var notKept = await pendings.SaveDetailsAsync(pending!, form, ModelState.IsValid, cancellationToken);
        return Redirect(changeTime || state == PendingState.Expired ? summary.ChangeTimeUrl : "/book/review/" + key + (notKept ? "?health=not-kept" : ""));
    }

    [HttpGet("/book/review/{key}")]
    public async Task<IActionResult> Review(string key, string? health, CancellationToken cancellationToken)
    {
        ViewData["HealthNotKept"] = health == "not-kept";
        var (state, pending) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        if (await ElsewhereAsync(state, pending, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        if (!pending!.HasDetails)
        {
            return Redirect("/book/details/" + key);
        }
        ViewData["OverCap"] = await pendings.OpenBookingsAsync(pending.Email!, cancellationToken) >= options.Value.MaxOpenBookingsPerEmail;
        return View(new DetailsView(await SummaryAsync(pending, cancellationToken), pendings.DetailsOf(pending)));
    }

    [HttpPost("/book/review/{key}")]
    [EnableRateLimiting(RateLimits.Booking)]
    public async Task<IActionResult> Confirm(string key, CancellationToken cancellationToken)
    {
        var (state, opened) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        if (await ElsewhereAsync(state, opened, cancellationToken) is { } elsewhere)
        {
            return elsewhere;
        }
        // Signed in to their own page under the booking's address: the mailbox is proven, so the booking joins the record at once.
        var proven = await signedIn.FindAsync(HttpContext, cancellationToken) is { Email.Length: > 0 } me
            && string.Equals(me.Email, opened?.Email?.Trim(), StringComparison.OrdinalIgnoreCase);
        var (problem, pending, overCap, token) = await confirmation.ConfirmAsync(key, mailboxProven: proven, cancellationToken);
        if (pending is null)
        {
            return Redirect("/book/details/" + key);
        }
        if (overCap)
        {
            var summary = await SummaryAsync(pending, cancellationToken);
            var sent = await mailbox.SendAsync(MailboxLinkPurpose.ConfirmBooking, pending.Email!, pending.Name!, null, key, pending.ExpiresAtUtc,
                $"{summary.Treatment}, {summary.When}, {summary.Therapist}", cancellationToken);
            return View("EmailSent", new EmailSentView(Email.LogMask.Emails(pending.Email), ClinicTime.ToLocal(pending.ExpiresAtUtc).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                options.Value.MaxOpenBookingsPerEmail, sent));
        }
        if (problem == SlotProblem.None && pending.BookingId is not null)
        {
            // TempData is an encrypted cookie: the raw manage token reaches the confirmation page without being stored anywhere.
            TempData[ManageTokenKey(key)] = token;
            return Redirect($"/book/done/{key}");
        }
        var treatment = (await availability.ScheduleAsync(cancellationToken)).Treatment(pending.TreatmentId);
        var date = DateOnly.FromDateTime(ClinicTime.ToLocal(pending.StartUtc)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return Redirect($"/book/times?treatment={treatment?.Slug}&therapist={TherapistChoice.Format(pending.TherapistId)}&date={date}&problem={problem.ToString().ToLowerInvariant()}&pending={key}");
    }

    [HttpGet("/book/done/{key}")]
    public async Task<IActionResult> Done(string key, CancellationToken cancellationToken)
    {
        var (state, pending) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        if (state != PendingState.Confirmed)
        {
            return await ElsewhereAsync(state, pending, cancellationToken) ?? Redirect("/book/review/" + key);
        }
        return await confirmation.ShowAsync(pending!, TempData[ManageTokenKey(key)] as string, cancellationToken) is not { } shown ? this.NotValid()
            : shown.Booking.Status is BookingStatus.Cancelled or BookingStatus.LateCancellation
                ? View("~/ManageBooking/Views/Cancelled.cshtml", CancelledView.Of(shown.Booking, text))
                : View(shown.View);
    }

    [HttpGet("/book/done/{key}/calendar.ics")]
    public async Task<IActionResult> Calendar(string key, CancellationToken cancellationToken)
    {
        var (state, pending) = await pendings.OpenAsync(key, browser.SecretOf(HttpContext), cancellationToken);
        if (state != PendingState.Confirmed)
        {
            return await ElsewhereAsync(state, pending, cancellationToken) ?? this.NotValid();
        }
        var booking = await confirmation.BookingAsync(pending!, cancellationToken);
        return booking is null
            ? this.NotValid()
            : File(System.Text.Encoding.UTF8.GetBytes(calendar.Download(booking)),
                "text/calendar", $"{booking.Reference}.ics");
    }

    private static string ManageTokenKey(string key) => "ManageToken:" + key;

    /// <summary>Where a request goes when the booking is not in progress in this browser; null when it is.</summary>
    private async Task<IActionResult?> ElsewhereAsync(PendingState state, PendingBooking? pending, CancellationToken cancellationToken) => state switch
    {
        PendingState.InProgress => null,
        PendingState.OtherBrowser => this.OtherBrowser("/book"),
        // Back after confirming: the booking that was made.
        PendingState.Confirmed => Redirect("/book/done/" + pending!.Key),
        // Its time was let go: choose a new one, with everything else kept.
        PendingState.Expired => Redirect((await SummaryAsync(pending!, cancellationToken)).ChangeTimeUrl),
        _ => this.NotValid(),
    };

    private async Task<BookingSummary> SummaryAsync(PendingBooking pending, CancellationToken cancellationToken)
    {
        var schedule = await availability.ScheduleAsync(cancellationToken);
        var treatment = schedule.Treatment(pending.TreatmentId)!;
        var therapist = pending.TherapistId is int id ? schedule.Therapist(id)?.Name ?? "" : "No preference (we'll tell you who when you confirm)";
        var date = DateOnly.FromDateTime(ClinicTime.ToLocal(pending.StartUtc)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return new BookingSummary(pending.Key, treatment.Name, Treatments.Money.Format(treatment.PricePence), therapist, text.Range(pending.StartUtc),
            $"/book/times?treatment={treatment.Slug}&therapist={TherapistChoice.Format(pending.TherapistId)}&date={date}&pending={pending.Key}",
            !rule.CanChangeOnline(pending.StartUtc));
    }
}
