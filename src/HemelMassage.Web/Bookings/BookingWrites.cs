using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Bookings;

/// <summary>Who changed a booking: written into its history, and for staff into the audit log as well.</summary>
public sealed record Actor(string Name, bool IsStaff)
{
    public static readonly Actor ClientOnline = new("client", IsStaff: false);

    public static Actor StaffMember(string name) => new(name, IsStaff: true);
}

/// <param name="FirstVisit">Null: a first visit when the client is new to the clinic.</param>
/// <param name="ClientId">The client staff picked; otherwise the client is found by email (none when no email is given).</param>
/// <param name="MailboxProven">Online: the booker proved they hold the address (a link sent to it, or signed in under it).</param>
public sealed record NewBooking(
    string IdempotencyKey, int TreatmentId, int TherapistId, DateTime StartUtc,
    string Name, string Email, string Phone, bool? FirstVisit, string? Note, bool NoFollowUp, int? ClientId = null, bool MailboxProven = false);

/// <param name="ManageToken">The raw token of the booking's own link: in memory only, for the confirmation page and the email.</param>
public sealed record CreatedBooking(Booking Booking, string ManageToken, BookingNotice Notice);

/// <summary>
/// The one place a booking is written, whoever acts (the client online or through their link, staff on the
/// phone or in the diary): the write transaction and what a refusal by the database means, the reference,
/// the client found or created, the history entry, the audit entry for staff, the calendar sequence and the
/// emails. The callers keep their own rules (<see cref="Availability"/> for clients, the staff overrides).
/// </summary>
public sealed class BookingWrites(
    ClinicDbContext db, Availability availability, BookingNotices notices, IBookingNotifications notifications, AuditLog audit,
    ClientContacts contacts, TimeProvider clock, ILogger<BookingWrites> logger, IEnumerable<IFreedHours> freedHours, Clinic.ClinicOptions clinic)
{
    public const string TakenMessage = "That therapist has just been booked at that time by someone else.";

    private readonly List<FreedHour> _freed = [];

    /// <summary>
    /// Runs <paramref name="work"/> in one write transaction (<see cref="WriteTransactions"/>), then saves and
    /// commits. When the database refuses (its overlap guard, or another writer held the lock too long) nothing
    /// is kept and <paramref name="refused"/> answers instead: the hour has just gone.
    /// </summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, Func<Exception, Task<T>> refused, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.BeginWriteTransactionAsync(cancellationToken);
            var result = await work();
            await db.SaveChangesAsync(cancellationToken);
            if (_freed.Count > 0)
            {
                // Saved first, so the freed hours read as free; offered in the same transaction, so a freed hour
                // is either offered with the change that freed it or not freed at all.
                foreach (var listener in freedHours)
                {
                    await listener.OfferAsync([.. _freed], cancellationToken);
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (DatabaseRefusal.Is(ex))
        {
            logger.LogInformation(ex, "A booking write was refused by the database");
            db.ChangeTracker.Clear();
            return await refused(ex);
        }
        finally
        {
            _freed.Clear();
        }
    }

    public async Task<CreatedBooking> CreateAsync(NewBooking booking, Actor by, string what, CancellationToken cancellationToken)
    {
        var now = Now;
        var email = booking.Email.Trim().ToLowerInvariant();
        var existing = booking.ClientId is int clientId
            ? await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken)
            : email.Length > 0 ? await db.Clients.FirstOrDefaultAsync(c => c.Email == email, cancellationToken) : null;
        var contactChanges = "";
        if (existing is not null && by.IsStaff)
        {
            // Staff heard the details from the client themselves: they update the record. Online, anyone
            // may type an address, so a booking there never changes the client's record.
            contactChanges = contacts.Update(existing, booking.Name, email, booking.Phone, "told when booking by phone");
        }
        var client = existing ?? db.Clients.Add(new Client
        {
            Name = booking.Name.Trim(), Email = email, Phone = booking.Phone.Trim(), FirstVisit = booking.FirstVisit ?? true, CreatedAtUtc = now,
        }).Entity;
        var token = Secrets.NewToken();
        var price = await db.Treatments.Where(t => t.Id == booking.TreatmentId).Select(t => t.PricePence).FirstAsync(cancellationToken);
        var created = new Booking
        {
            Reference = await UnusedReferenceAsync(cancellationToken),
            TherapistId = booking.TherapistId,
            TreatmentId = booking.TreatmentId,
            PricePence = price,
            Client = client,
            FirstVisit = booking.FirstVisit ?? existing is null,
            ClientNote = string.IsNullOrWhiteSpace(booking.Note) ? null : booking.Note.Trim(),
            // This visit's choice only: anyone may type an address, so a booking never changes the client's choice for their other visits.
            NoFollowUp = booking.NoFollowUp,
            IdempotencyKey = booking.IdempotencyKey,
            ManageTokenHash = Secrets.Hash(token),
            CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        // Online, an address that already has a record may be anyone's: the booking stands, but is kept apart from
        // the record's history until its mailbox is proven (the link emailed below). Staff heard the client themselves.
        created.AwaitsMailboxProof = existing is not null && !by.IsStaff && !booking.MailboxProven;
        created.Move(booking.StartUtc);
        created.Changes.Add(new BookingChange { AtUtc = now, By = by.Name, What = what });
        db.Bookings.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        var notice = await NoticeAsync(created, token, cancellationToken) with
        {
            BookedByStaff = by.IsStaff ? by.Name : null,
            ProveUrl = created.AwaitsMailboxProof ? ProofLink(created, client) : null,
        };
        notifications.Booked(db, notice);
        Audit(by, "booking.create", created, contactChanges.Length == 0 ? what : $"{what}; client's {contactChanges} updated");
        return new CreatedBooking(created, token, notice);
    }

    /// <summary>How long the "this booking is yours" link works; after it staff can still confirm it on the booking's page.</summary>
    public static readonly TimeSpan ProofLifetime = TimeSpan.FromDays(30);

    /// <summary>The link (a page with a button) that joins the booking to the record, sent in its confirmation to the record's address.</summary>
    private string ProofLink(Booking booking, Client client)
    {
        var token = Secrets.NewToken();
        db.MailboxLinks.Add(new MailboxLink
        {
            TokenHash = Secrets.Hash(token), Purpose = MailboxLinkPurpose.ProveBooking, Email = client.Email, ClientId = client.Id,
            BookingId = booking.Id, CreatedAtUtc = Now, ExpiresAtUtc = Now + ProofLifetime,
        });
        return clinic.AbsoluteUrl(MailboxLink.PathOf(MailboxLinkPurpose.ProveBooking, token));
    }

    /// <summary>Staff (who heard the client themselves) or the emailed link join an online booking to its client's record.</summary>
    public void Prove(Booking booking, Actor by)
    {
        if (!booking.AwaitsMailboxProof)
        {
            return;
        }
        booking.AwaitsMailboxProof = false;
        Record(booking, by, "booking.prove", by.IsStaff ? "Confirmed as the client's by staff" : "Confirmed as the client's by the link sent to their address");
    }

    /// <summary>A health answer needs a conversation before the treatment: the clinic is told which booking, never why.</summary>
    public void NeedsConversation(CreatedBooking created) => notifications.NeedsConversation(db, created.Notice);

    /// <summary>Moves the booking, keeping its identity: same reference, same calendar UID, next sequence.</summary>
    /// <param name="manageToken">The raw token when the client's own link made the move, so the email can carry the link again.</param>
    public async Task MoveAsync(Booking booking, DateTime startUtc, int therapistId, Actor by, string what, string? manageToken, CancellationToken cancellationToken)
    {
        var previous = booking.StartUtc;
        _freed.Add(new FreedHour(booking.TherapistId, previous));
        booking.Move(startUtc);
        booking.TherapistId = therapistId;
        booking.CalendarSequence++;
        Record(booking, by, "booking.move", what);
        notifications.Rescheduled(db, await NoticeAsync(booking, manageToken, cancellationToken), previous);
    }

    /// <param name="what">For the history and the audit log only: never sent.</param>
    /// <param name="messageToClient">The clinic's words for the client's email, or null for none.</param>
    public async Task CancelAsync(Booking booking, Actor by, string what, string? messageToClient, CancellationToken cancellationToken)
    {
        booking.Status = BookingStatus.Cancelled;
        _freed.Add(new FreedHour(booking.TherapistId, booking.StartUtc));
        Record(booking, by, "booking.cancel", what);
        notifications.Cancelled(db, await NoticeAsync(booking, null, cancellationToken), messageToClient, byClinic: by.IsStaff);
    }

    /// <summary>Arrived, no-show or late cancellation; a late cancellation frees the hour and withdraws the client's calendar entry.</summary>
    public async Task MarkAsync(Booking booking, BookingStatus status, Actor by, string what, CancellationToken cancellationToken)
    {
        booking.Status = status;
        if (status == BookingStatus.LateCancellation)
        {
            _freed.Add(new FreedHour(booking.TherapistId, booking.StartUtc));
            // The row stays for the no-show history.
            notifications.Cancelled(db, await NoticeAsync(booking, null, cancellationToken), null, byClinic: false);
        }
        Record(booking, by, "booking." + status.ToString().ToLowerInvariant(), what);
    }

    /// <summary>
    /// Back to booked. A late cancellation had told the client it was cancelled and withdrawn their calendar entry,
    /// so they are sent the confirmation again, its invitation one sequence later than the withdrawal.
    /// </summary>
    public async Task UndoMarkAsync(Booking booking, Actor by, string what, CancellationToken cancellationToken)
    {
        var wasCancelled = booking.Status == BookingStatus.LateCancellation;
        booking.Status = BookingStatus.Booked;
        if (wasCancelled)
        {
            booking.CalendarSequence++;
            notifications.Booked(db, await NoticeAsync(booking, null, cancellationToken));
        }
        Record(booking, by, "booking.undo-mark", what);
    }

    private void Record(Booking booking, Actor by, string action, string what)
    {
        var now = Now;
        booking.UpdatedAtUtc = now;
        booking.Version++;
        booking.Changes.Add(new BookingChange { AtUtc = now, By = by.Name, What = what });
        Audit(by, action, booking, what);
    }

    private void Audit(Actor by, string action, Booking booking, string what)
    {
        if (by.IsStaff)
        {
            audit.Add(action, booking.Reference, what);
        }
    }

    private async Task<BookingNotice> NoticeAsync(Booking booking, string? manageToken, CancellationToken cancellationToken) =>
        notices.Of(booking, await availability.ScheduleAsync(cancellationToken), manageToken);

    private async Task<string> UnusedReferenceAsync(CancellationToken cancellationToken)
    {
        var reference = Secrets.NewReference();
        while (await db.Bookings.AnyAsync(a => a.Reference == reference, cancellationToken))
        {
            reference = Secrets.NewReference();
        }
        return reference;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
