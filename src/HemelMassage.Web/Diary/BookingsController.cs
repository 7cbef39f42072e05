using System.Globalization;
using FluentValidation;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Site;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Diary;

public sealed record BookingPage(
    BookingDetails Booking, bool MayChange, IReadOnlyList<TherapistOption> Therapists, MoveForm Move, CancelForm Cancel,
    Intake.IntakeView Intake, bool MayReadHealth, StatusActions Actions, IReadOnlyList<RuleBox> MoveRules, Progress.ReviewPrompt? Review = null)
{
    /// <summary>A cancelled booking, by either side, was never worked: no areas-worked form.</summary>
    public bool Attended => Booking.Status is not (BookingStatus.Cancelled or BookingStatus.LateCancellation);
}

/// <summary>One booking: its details and history, and what the desk may do to it (post/redirect/get).</summary>
[Area("Admin")]
[Route("admin/bookings")]
public sealed class BookingsController(
    DiaryQueries diary, StaffViewer viewer, BookingDesk desk, StaffSlotRules rules, AuditLog audit, Intake.IntakeRecords intakes, Progress.ReviewPrompts reviews,
    IValidator<CancelForm> cancelValidator, IValidator<MoveForm> moveValidator) : Controller
{
    private const string Desk = StaffRoles.Owner + "," + StaffRoles.Reception;

    [HttpGet("{id:int}")]
    public Task<IActionResult> Show(int id, CancellationToken cancellationToken) => PageAsync(id, null, null, cancellationToken);

    [HttpPost("{id:int}/mark/{status}")]
    public async Task<IActionResult> Mark(int id, string status, int? version, CancellationToken cancellationToken)
    {
        if (status == "undo")
        {
            return await AfterAsync(id, await desk.UndoMarkAsync(id, version, cancellationToken), "", null, null, cancellationToken);
        }
        BookingStatus? target = status switch
        {
            "arrived" => BookingStatus.Arrived,
            "no-show" => BookingStatus.NoShow,
            "late-cancellation" => BookingStatus.LateCancellation,
            _ => null,
        };
        return target is null ? NotFound() : await AfterAsync(id, await desk.MarkAsync(id, version, target.Value, cancellationToken), "", null, null, cancellationToken);
    }

    [HttpPost("{id:int}/cancel")]
    [Authorize(Roles = Desk)]
    public async Task<IActionResult> Cancel(int id, [Bind(Prefix = "Cancel")] CancelForm form, CancellationToken cancellationToken)
    {
        ModelState.AddErrors(await cancelValidator.ValidateAsync(form, cancellationToken), "Cancel");
        return ModelState.IsValid
            ? await AfterAsync(id, await desk.CancelAsync(id, form, cancellationToken), "Cancel", null, form, cancellationToken)
            : await PageAsync(id, null, form, cancellationToken);
    }

    [HttpPost("{id:int}/move")]
    [Authorize(Roles = Desk)]
    public async Task<IActionResult> Move(int id, [Bind(Prefix = "Move")] MoveForm form, CancellationToken cancellationToken)
    {
        // A tick for a rule that does not exist is dropped: the server works out which rules the time breaks.
        ModelState.Remove("Move.Acknowledged");
        ModelState.AddErrors(await moveValidator.ValidateAsync(form, cancellationToken), "Move");
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return await MovedAsJsonAsync(id, form, cancellationToken);
        }
        return ModelState.IsValid
            ? await AfterAsync(id, await desk.MoveAsync(id, form, cancellationToken), "Move", form, null, cancellationToken)
            : await PageAsync(id, form, null, cancellationToken);
    }

    /// <summary>
    /// The same move, asked for by the diary grid's drag and drop: the answer is the message to show, and 409 when
    /// nothing changed. A drop that breaks usual rules names each one in <c>rules</c>; it is made once each is sent
    /// back in <c>Move.Acknowledged</c>, as the booking page's form does with a tick per rule.
    /// </summary>
    private async Task<IActionResult> MovedAsJsonAsync(int id, MoveForm form, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return BadRequest(new { moved = false, message = string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)) });
        }
        var result = await desk.MoveAsync(id, form, cancellationToken);
        if (result is { Outcome: DeskOutcome.Refused, Field: nameof(form.Acknowledged) } && await diary.FindAsync(id, cancellationToken) is { } booking)
        {
            var boxes = await rules.BoxesAsync(form, booking.TreatmentId, id, cancellationToken);
            return Conflict(new
            {
                moved = false,
                message = $"That hour breaks {(boxes.Count == 1 ? "a usual rule" : $"{boxes.Count} usual rules")}: {rules.Words(boxes.Select(b => b.Rule))}. Nothing was changed: to move it anyway, open the booking and tick each rule.",
                rules = boxes.Select(b => new { rule = b.Rule.ToString(), text = b.Text, acknowledged = b.Ticked }),
            });
        }
        return result.Outcome switch
        {
            DeskOutcome.Done => Ok(new { moved = true, message = result.Message }),
            DeskOutcome.NotFound => NotFound(new { moved = false, message = "That booking no longer exists." }),
            DeskOutcome.Forbidden => Forbid(),
            DeskOutcome.Stale => Conflict(new { moved = false, message = "Someone changed this booking after this diary was shown, so nothing was moved. Reload the diary to see it as it is now." }),
            _ => Conflict(new { moved = false, message = result.Message + " Nothing was changed." }),
        };
    }

    /// <summary>After the visit: the areas actually worked, ticked on the same map. The Owner and the booked therapist only.</summary>
    [HttpPost("{id:int}/worked")]
    public async Task<IActionResult> Worked(int id, List<string>? worked, string? back, CancellationToken cancellationToken)
    {
        var booking = await diary.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        if (!await viewer.MaySeeNoteAsync(booking, cancellationToken))
        {
            return Forbid();
        }
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.LateCancellation)
        {
            TempData["Problem"] = "This booking was cancelled, so no areas were worked.";
            return Redirect($"/admin/bookings/{id}");
        }
        // Unknown codes are dropped rather than refused: the form only offers the map's own.
        await intakes.RecordWorkedAsync(booking, worked ?? [], viewer.Name, cancellationToken);
        TempData["Notice"] = "Areas worked saved. The client's follow-up email will explain them.";
        return Redirect(back == "note" ? $"/admin/bookings/{id}/note#worked" : $"/admin/bookings/{id}#worked");
    }

    private async Task<IActionResult> AfterAsync(int id, DeskResult result, string prefix, MoveForm? move, CancelForm? cancel, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case DeskOutcome.NotFound:
                return NotFound();
            case DeskOutcome.Forbidden:
                return Forbid();
            case DeskOutcome.Refused when result.Field.Length > 0 && prefix.Length > 0:
                ModelState.AddModelError($"{prefix}.{result.Field}", result.Message);
                return await PageAsync(id, move, cancel, cancellationToken);
            default:
                TempData[result.Outcome == DeskOutcome.Done ? "Notice" : "Problem"] = result.Message;
                return Redirect($"/admin/bookings/{id}");
        }
    }

    private async Task<IActionResult> PageAsync(int id, MoveForm? move, CancelForm? cancel, CancellationToken cancellationToken)
    {
        var booking = await diary.FindAsync(id, cancellationToken);
        if (booking is null)
        {
            return NotFound();
        }
        if (!await viewer.MaySeeAsync(booking, cancellationToken))
        {
            return Forbid();
        }
        var details = await diary.DetailsAsync(booking, cancellationToken);
        if (details.Note is { Length: > 0 } && move is null && cancel is null)
        {
            // The note may be health information: who read it is kept, as UK GDPR expects for special-category data.
            await audit.SaveAsync("booking.note-read", details.Reference, "Read the client's note");
        }
        var local = ClinicTime.ToLocal(details.StartUtc);
        var moveRules = move is null ? [] : await rules.BoxesAsync(move, booking.TreatmentId, id, cancellationToken);
        move ??= new MoveForm
        {
            TherapistId = details.TherapistId, Version = details.Version,
            Date = local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Time = local.ToString("HH:mm", CultureInfo.InvariantCulture),
        };
        cancel ??= new CancelForm { Version = details.Version };
        var mayReadHealth = await viewer.MaySeeNoteAsync(booking, cancellationToken);
        var intake = await intakes.ViewAsync(booking, mayReadHealth, cancellationToken);
        // Whether to review the plan is read from the scores: only for those who may read them.
        var review = mayReadHealth
            ? (await reviews.ForAsync([new(booking.Id, booking.ClientId, booking.StartUtc, intake.NeedsConversation)], viewer.IsOwner, cancellationToken)).GetValueOrDefault(booking.Id)
            : null;
        await audit.SaveAddedAsync(cancellationToken);
        return View("Show", new BookingPage(details, viewer.IsDesk, await diary.TherapistsAsync(cancellationToken), move, cancel, intake, mayReadHealth, desk.ActionsFor(booking), moveRules, review));
    }
}
