using FluentValidation;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.TreatmentNotes;

public sealed record NotePage(Bookings.Booking Booking, string When, NoteView Note, NoteForm Form, AmendmentForm Amendment, ScoresView Scores);

public sealed record ScoresPage(Bookings.Booking Booking, string When, ScoresView Scores, ScoresForm? Posted);

/// <summary>A visit's treatment note and pain scores (post/redirect/get); who sees what is <see cref="NoteAccessRule"/>'s.</summary>
[Area("Admin")]
[Route("admin/bookings/{id:int}")]
public sealed class TreatmentNotesController(
    DiaryQueries diary, VisitNotes notes, VisitScoring scoring, IValidator<NoteForm> noteValidator, IValidator<AmendmentForm> amendmentValidator) : Controller
{
    [HttpGet("note")]
    public Task<IActionResult> Note(int id, CancellationToken cancellationToken) => NotePageAsync(id, null, null, cancellationToken);

    [HttpPost("note")]
    public async Task<IActionResult> Save(int id, NoteForm form, CancellationToken cancellationToken)
    {
        if (await diary.FindAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        ModelState.AddErrors(await noteValidator.ValidateAsync(form, cancellationToken));
        if (!ModelState.IsValid)
        {
            return await NotePageAsync(id, form, null, cancellationToken);
        }
        return await AfterAsync(id, await notes.SaveAsync(booking, form, cancellationToken), form, null, cancellationToken);
    }

    [HttpPost("note/amend")]
    public async Task<IActionResult> Amend(int id, [Bind(Prefix = "Amendment")] AmendmentForm form, CancellationToken cancellationToken)
    {
        if (await diary.FindAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        ModelState.AddErrors(await amendmentValidator.ValidateAsync(form, cancellationToken), "Amendment");
        if (!ModelState.IsValid)
        {
            return await NotePageAsync(id, null, form, cancellationToken);
        }
        return await AfterAsync(id, await notes.AmendAsync(booking, form, cancellationToken), null, form, cancellationToken);
    }

    [HttpGet("scores")]
    public Task<IActionResult> Scores(int id, CancellationToken cancellationToken) => ScoresPageAsync(id, null, cancellationToken);

    [HttpPost("scores")]
    public async Task<IActionResult> SaveScores(int id, ScoresForm form, CancellationToken cancellationToken)
    {
        if (await diary.FindAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        var (result, errors) = await scoring.SaveAsync(booking, form, cancellationToken);
        foreach (var (field, message) in errors)
        {
            ModelState.AddModelError(field, message);
        }
        switch (result.Outcome)
        {
            case NoteOutcome.Forbidden:
                return Forbid();
            case NoteOutcome.Refused when errors.Count > 0:
                return await ScoresPageAsync(id, form, cancellationToken);
            default:
                TempData[result.Outcome == NoteOutcome.Done ? "Notice" : "Problem"] = result.Message;
                return Redirect($"/admin/bookings/{id}/scores");
        }
    }

    private async Task<IActionResult> AfterAsync(int id, NoteResult result, NoteForm? form, AmendmentForm? amendment, CancellationToken cancellationToken)
    {
        switch (result.Outcome)
        {
            case NoteOutcome.Forbidden:
                return Forbid();
            case NoteOutcome.Done:
                TempData["Notice"] = result.Message;
                return Redirect($"/admin/bookings/{id}/note");
            default:
                // Stale or refused: the note as it is now, the message at the top, what was typed kept in the form.
                ModelState.AddModelError(amendment is null ? nameof(NoteForm.Subjective) : "Amendment.Reason", result.Message);
                return await NotePageAsync(id, null, null, cancellationToken, keepTyped: form ?? amendment);
        }
    }

    private async Task<IActionResult> NotePageAsync(int id, NoteForm? form, AmendmentForm? amendment, CancellationToken cancellationToken, NoteForm? keepTyped = null)
    {
        if (await diary.FindAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        var view = await notes.ViewAsync(booking, cancellationToken);
        if (view.Access == NoteAccess.None)
        {
            return Forbid();
        }
        var current = view.Text ?? SoapText.Empty;
        form ??= NoteForm.From<NoteForm>(current, view.Version);
        amendment ??= NoteForm.From<AmendmentForm>(current, view.Version);
        if (keepTyped is not null)
        {
            // Stale or refused: what was typed stays in the form that fits the note as it is now (the amendment form once
            // someone signed it), at the current version, so saving it again is a deliberate second step.
            if (view.IsSigned)
            {
                amendment = NoteForm.From<AmendmentForm>(keepTyped.Text, view.Version);
                amendment.Reason = (keepTyped as AmendmentForm)?.Reason;
            }
            else
            {
                form = NoteForm.From<NoteForm>(keepTyped.Text, view.Version);
            }
        }
        var scores = await scoring.ViewAsync(booking, cancellationToken);
        return View("Note", new NotePage(booking, Clinic.ClinicTime.Describe(booking.StartUtc), view, form, amendment, scores));
    }

    private async Task<IActionResult> ScoresPageAsync(int id, ScoresForm? posted, CancellationToken cancellationToken)
    {
        if (await diary.FindAsync(id, cancellationToken) is not { } booking)
        {
            return NotFound();
        }
        var scores = await scoring.ViewAsync(booking, cancellationToken);
        return scores.Access == NoteAccess.None
            ? Forbid()
            : View("Scores", new ScoresPage(booking, Clinic.ClinicTime.Describe(booking.StartUtc), scores, posted));
    }
}
