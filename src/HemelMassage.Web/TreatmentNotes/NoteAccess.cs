using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Diary;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>What the viewer may do with one visit's treatment record.</summary>
public enum NoteAccess
{
    /// <summary>A therapist who never treated this client, or anyone but the Owner once the record is restricted.</summary>
    None,
    /// <summary>Reception: whether a note exists and is signed, never its text or scores.</summary>
    ExistsOnly,
    /// <summary>A therapist who treated the client at another visit: reads, never writes.</summary>
    Read,
    /// <summary>The booking's own therapist, and the Owner.</summary>
    Write,
}

/// <summary>Decides <see cref="NoteAccess"/>: the Owner and the therapists who treated the client read; only the treating therapist (or the Owner) writes.</summary>
public sealed class NoteAccessRule(ClinicDbContext db, StaffViewer viewer)
{
    public async Task<NoteAccess> ForAsync(Booking booking, CancellationToken cancellationToken)
    {
        if (viewer.IsOwner)
        {
            return NoteAccess.Write;
        }
        var restricted = await db.TreatmentNotes.AnyAsync(n => n.BookingId == booking.Id && n.RestrictedAtUtc != null, cancellationToken)
            || await db.VisitScores.AnyAsync(s => s.BookingId == booking.Id && s.RestrictedAtUtc != null, cancellationToken);
        if (restricted)
        {
            return NoteAccess.None;
        }
        if (viewer.IsDesk)
        {
            return NoteAccess.ExistsOnly;
        }
        var only = await viewer.OnlyTherapistAsync(cancellationToken) ?? 0;
        if (only == 0)
        {
            return NoteAccess.None;
        }
        if (only == booking.TherapistId)
        {
            return NoteAccess.Write;
        }
        var treated = await db.Bookings.AnyAsync(a => a.ClientId == booking.ClientId && a.TherapistId == only
            && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived), cancellationToken);
        return treated ? NoteAccess.Read : NoteAccess.None;
    }
}
