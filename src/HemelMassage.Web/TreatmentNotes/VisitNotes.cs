using System.Security.Claims;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>An amendment as the note page lists it.</summary>
public sealed record AmendmentView(DateTime AtUtc, string By, string Reason, SoapText Text);

/// <summary>
/// One visit's note as the viewer may see it. <see cref="Text"/> is the note as it reads now (the last amendment's
/// text, or the note's own); <see cref="Original"/> is what was signed. Both null for <see cref="NoteAccess.ExistsOnly"/>.
/// </summary>
public sealed record NoteView(
    NoteAccess Access, bool Exists, bool IsSigned, string? SignedBy, DateTime? SignedAtUtc, string? WrittenBy, int Version,
    SoapText? Text, SoapText? Original, IReadOnlyList<AmendmentView> Amendments, bool Restricted, string? RestrictedReason);

public enum NoteOutcome
{
    Done,
    Forbidden,
    Stale,
    Refused,
}

/// <param name="Field">The form field the message belongs next to ("" for the page).</param>
public sealed record NoteResult(NoteOutcome Outcome, string Message = "", string Field = "");

/// <summary>
/// Writes and reads one visit's SOAP note. Every read that decrypts adds an audit row; nothing here logs or
/// emails the text. A signed note's text is never written again: changes are amendments.
/// </summary>
public sealed class VisitNotes(
    ClinicDbContext db, NoteAccessRule access, StaffViewer viewer, ClinicalRecordProtector protector, HealthAnswerProtector answers,
    AuditLog audit, TimeProvider clock, IHttpContextAccessor http)
{
    public const string StaleMessage = "This note was changed after your form was opened, so nothing was saved. Here it is as it is now: please check it and try again.";
    public const string SignedMessage = "This note is signed, so it can no longer be edited: nothing was saved. Add an amendment with the reason instead.";

    private string UserId => http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    public async Task<NoteView> ViewAsync(Booking booking, CancellationToken cancellationToken)
    {
        var may = await access.ForAsync(booking, cancellationToken);
        var note = await db.TreatmentNotes.AsNoTracking().FirstOrDefaultAsync(n => n.BookingId == booking.Id, cancellationToken);
        if (may is NoteAccess.None or NoteAccess.ExistsOnly)
        {
            return new NoteView(may, note is not null, note?.IsSigned ?? false, null, null, null, 0, null, null, [], false, null);
        }
        var amendments = await db.TreatmentNoteAmendments.AsNoTracking().Where(a => a.BookingId == booking.Id)
            .OrderBy(a => a.AtUtc).ThenBy(a => a.Id).ToListAsync(cancellationToken);
        var original = note is null ? null : protector.UnprotectNote(note.ProtectedText) ?? SoapText.Empty;
        var listed = amendments.Select(a => protector.UnprotectAmendment(a.ProtectedText) is { } t
            ? new AmendmentView(a.AtUtc, a.By, t.Reason, t.Text) : new AmendmentView(a.AtUtc, a.By, "(cannot be read)", SoapText.Empty)).ToList();
        if (note is not null)
        {
            await audit.SaveAsync("booking.treatment-note-read", booking.Reference, "Read the visit's treatment note");
        }
        var text = listed.Count > 0 ? listed[^1].Text : original ?? await PrefillAsync(booking, cancellationToken);
        return new NoteView(may, note is not null, note?.IsSigned ?? false, note?.SignedBy, note?.SignedAtUtc, note?.WrittenBy, note?.Version ?? 0,
            text, original, listed, note?.IsRestricted ?? false, note?.RestrictedReason);
    }

    /// <summary>A new note's Subjective, from what the client said: where they feel it, their scores and answers.</summary>
    private async Task<SoapText> PrefillAsync(Booking booking, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.AsNoTracking().FirstOrDefaultAsync(i => i.BookingId == booking.Id, cancellationToken);
        var scores = await db.VisitScores.AsNoTracking().Where(s => s.BookingId == booking.Id).Select(s => s.ProtectedScores).FirstOrDefaultAsync(cancellationToken);
        var felt = BodyRegions.Split(intake?.Regions);
        var said = answers.Unprotect(intake?.ProtectedAnswers);
        var sheet = protector.UnprotectScores(scores);
        if (said is not null || sheet is not null)
        {
            await audit.SaveAsync("booking.health-read", booking.Reference, "Read the client's health answers and scores for the treatment note");
        }
        return new SoapText(Subjective.Describe(felt, said, sheet), "", "", "");
    }

    public async Task<NoteResult> SaveAsync(Booking booking, NoteForm form, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(booking, cancellationToken) is { } refused)
        {
            return refused;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var note = await db.TreatmentNotes.FirstOrDefaultAsync(n => n.BookingId == booking.Id, cancellationToken);
        if (note is null)
        {
            if (form.Version != 0)
            {
                return new NoteResult(NoteOutcome.Stale, StaleMessage);
            }
            note = db.TreatmentNotes.Add(new TreatmentNote { BookingId = booking.Id, WrittenByUserId = UserId, WrittenBy = Short(viewer.Name), CreatedAtUtc = now }).Entity;
        }
        else if (note.IsSigned)
        {
            return new NoteResult(NoteOutcome.Refused, SignedMessage);
        }
        else if (note.Version != form.Version)
        {
            return new NoteResult(NoteOutcome.Stale, StaleMessage);
        }
        else
        {
            db.Entry(note).Property(n => n.Version).OriginalValue = form.Version;
        }
        note.ProtectedText = protector.ProtectNote(form.Text);
        note.UpdatedAtUtc = now;
        note.Version = form.Version + 1;
        if (form.Sign)
        {
            note.SignedAtUtc = now;
            note.SignedBy = Short(viewer.Name);
        }
        audit.Add(form.Sign ? "booking.treatment-note-signed" : "booking.treatment-note-saved", booking.Reference,
            form.Sign ? "Signed the visit's treatment note" : "Saved a draft of the visit's treatment note");
        return await CommitAsync(form.Sign ? "Note signed. It is now locked: later changes are amendments with a reason." : "Draft saved. Sign it when it is complete.", cancellationToken);
    }

    public async Task<NoteResult> AmendAsync(Booking booking, AmendmentForm form, CancellationToken cancellationToken)
    {
        if (await RefusedAsync(booking, cancellationToken) is { } refused)
        {
            return refused;
        }
        var note = await db.TreatmentNotes.FirstOrDefaultAsync(n => n.BookingId == booking.Id, cancellationToken);
        if (note is not { IsSigned: true })
        {
            return new NoteResult(NoteOutcome.Refused, "Only a signed note is amended; a draft is simply saved again. Nothing was changed.");
        }
        if (note.Version != form.Version)
        {
            return new NoteResult(NoteOutcome.Stale, StaleMessage);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        db.Entry(note).Property(n => n.Version).OriginalValue = form.Version;
        note.Version = form.Version + 1;
        note.UpdatedAtUtc = now;
        db.TreatmentNoteAmendments.Add(new TreatmentNoteAmendment
        {
            BookingId = booking.Id, AtUtc = now, ByUserId = UserId, By = Short(viewer.Name),
            ProtectedText = protector.ProtectAmendment(new AmendmentText(form.Reason!.Trim(), form.Text)),
        });
        audit.Add("booking.treatment-note-amended", booking.Reference, "Amended the signed treatment note (reason kept with the amendment)");
        return await CommitAsync("Amendment saved beside the signed note.", cancellationToken);
    }

    private async Task<NoteResult?> RefusedAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (await access.ForAsync(booking, cancellationToken) != NoteAccess.Write)
        {
            return new NoteResult(NoteOutcome.Forbidden, "Only the client's therapist for this visit (or the Owner) writes its note.");
        }
        return booking.Status is BookingStatus.Cancelled or BookingStatus.LateCancellation or BookingStatus.NoShow
            ? new NoteResult(NoteOutcome.Refused, "This visit did not take place, so it has no treatment note. Nothing was saved.")
            : null;
    }

    private async Task<NoteResult> CommitAsync(string done, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new NoteResult(NoteOutcome.Done, done);
        }
        catch (DbUpdateException)
        {
            // Another save of the same note (a second tab, a double click) won: its version or its row came first.
            db.ChangeTracker.Clear();
            return new NoteResult(NoteOutcome.Stale, StaleMessage);
        }
    }

    internal static string Short(string name) => name.Length > 100 ? name[..100] : name;
}
