using HemelMassage.Web.Book;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Intake;

/// <summary>One booking's line on the day sheet.</summary>
public sealed record SheetIntake(
    IReadOnlyList<string> Regions, IReadOnlyList<string> Worked, bool NeedsConversation, IReadOnlyList<string> Flags, HealthStatus Health,
    IReadOnlyList<string>? LastVisitRegions = null, IReadOnlyList<string>? LastVisitWorked = null);

/// <summary>A booking's intake as staff see it. <see cref="Answers"/> is null unless the viewer may read health answers.</summary>
public sealed record IntakeView(
    IReadOnlyList<string> Regions, IReadOnlyList<string> Worked, HealthStatus Health, bool NeedsConversation,
    bool Hidden, HealthAnswers? Answers, string? ConsentVersion, DateTime? ConsentAtUtc,
    IReadOnlyList<string>? LastVisitRegions, IReadOnlyList<string>? LastVisitWorked, string? LastVisitWhen)
{
    public static IntakeView Empty { get; } = new([], [], HealthStatus.AskInPerson, false, false, null, null, null, null, null, null);
}

/// <summary>
/// Writes and reads intakes. Every decryption of health answers for staff adds an audit row; nothing here
/// logs or emails an answer.
/// </summary>
public sealed class IntakeRecords(ClinicDbContext db, HealthAnswerProtector protector, AuditLog audit, TimeProvider clock)
{
    /// <summary>Adds the intake of a just-booked booking (saved by the caller, in its transaction).</summary>
    public async Task<BookingIntake> AddAsync(Booking booking, PendingBooking pending, CancellationToken cancellationToken)
    {
        var intake = new BookingIntake { BookingId = booking.Id, Regions = BodyRegions.Join(BodyRegions.Split(pending.Regions)) };
        if (pending.HealthConsentAtUtc is { } consentAt)
        {
            intake.HealthConsentVersion = HealthConsent.Version;
            intake.HealthConsentAtUtc = consentAt;
            intake.ProtectedAnswers = pending.ProtectedAnswers;
            intake.NeedsConversation = pending.NeedsConversation;
            // Answered means the health questions were: a pain score alone is kept, but the questions are still asked in person.
            var answers = protector.Unprotect(pending.ProtectedAnswers);
            intake.Health = answers is { Answers.Count: > 0 } ? HealthStatus.Answered : HealthStatus.AskInPerson;
            // Which areas the sealed answers score (each 0 to 10, checked by the form), so the review prompt opens only those it needs.
            intake.ScoredRegions = BodyRegions.Join(answers?.AreaScores?.Keys ?? []);
            // Only for a booking joined to the record (its mailbox proven): "nothing has changed" typed by someone who merely
            // knows the address copies nothing, and the therapist asks in person.
            if (pending.HealthUnchanged && pending.ProtectedAnswers is null && !booking.AwaitsMailboxProof && await LastAnswersAsync(booking.ClientId, booking.Id, cancellationToken) is { } last)
            {
                // Ciphertext carried forward as it is: the answers are never decrypted to copy them.
                intake.ProtectedAnswers = last.ProtectedAnswers;
                intake.NeedsConversation = last.NeedsConversation;
                intake.Health = HealthStatus.Unchanged;
                // Last visit's scores came with them; this visit has none of its own.
                intake.ScoredRegions = "";
            }
        }
        db.Intakes.Add(intake);
        return intake;
    }

    private async Task<BookingIntake?> LastAnswersAsync(int clientId, int exceptBookingId, CancellationToken cancellationToken) =>
        await (from i in db.Intakes
               join a in db.Bookings on i.BookingId equals a.Id
               where a.ClientId == clientId && a.Id != exceptBookingId && i.ProtectedAnswers != null && !a.AwaitsMailboxProof
               orderby a.StartUtc descending
               select i).AsNoTracking().FirstOrDefaultAsync(cancellationToken);

    /// <summary>The intake for the booking page; decrypts (and audits) only when <paramref name="mayReadHealth"/>.</summary>
    public async Task<IntakeView> ViewAsync(Booking booking, bool mayReadHealth, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.AsNoTracking().FirstOrDefaultAsync(i => i.BookingId == booking.Id, cancellationToken);
        if (!mayReadHealth)
        {
            // Reception: only that the therapist should talk first, never where or why.
            return IntakeView.Empty with { Hidden = true, NeedsConversation = intake?.NeedsConversation ?? false };
        }
        var last = await (from i in db.Intakes
                          join a in db.Bookings on i.BookingId equals a.Id
                          where a.ClientId == booking.ClientId && a.StartUtc < booking.StartUtc && a.Status != BookingStatus.Cancelled
                          orderby a.StartUtc descending
                          select new { i.Regions, i.WorkedRegions, a.StartUtc }).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        HealthAnswers? answers = null;
        if (intake?.ProtectedAnswers is { } sealedAnswers)
        {
            answers = protector.Unprotect(sealedAnswers);
            await audit.SaveAsync("booking.health-read", booking.Reference, "Read the client's health answers");
        }
        return new IntakeView(
            BodyRegions.Split(intake?.Regions), BodyRegions.Split(intake?.WorkedRegions), intake?.Health ?? HealthStatus.AskInPerson,
            intake?.NeedsConversation ?? false, false, answers,
            intake?.HealthConsentVersion, intake?.HealthConsentAtUtc,
            last is null ? null : BodyRegions.Split(last.Regions), last is null ? null : BodyRegions.Split(last.WorkedRegions),
            last is null ? null : Clinic.ClinicTime.Describe(last.StartUtc));
    }

    /// <summary>
    /// The day sheet's map and flags, for a viewer who may read health answers. The flags come from the
    /// encrypted answers, so each booking whose answers are opened gets its own audit row, added to the unit of work:
    /// the caller saves it (the day sheet saves once, with the review prompt's).
    /// </summary>
    public async Task<IReadOnlyDictionary<int, SheetIntake>> SheetAsync(IReadOnlyList<Diary.DiaryEntry> entries, CancellationToken cancellationToken)
    {
        var ids = entries.Select(e => e.Id).ToList();
        var rows = await db.Intakes.AsNoTracking().Where(i => ids.Contains(i.BookingId)).ToListAsync(cancellationToken);
        var clients = await db.Bookings.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.ClientId, a.StartUtc }).ToListAsync(cancellationToken);
        var clientIds = clients.Select(c => c.ClientId).Distinct().ToList();
        // Every earlier intake of these clients, so a returning client's line shows last visit too.
        var history = await (from i in db.Intakes
                             join a in db.Bookings on i.BookingId equals a.Id
                             where clientIds.Contains(a.ClientId) && a.Status != BookingStatus.Cancelled
                             select new { a.ClientId, a.StartUtc, i.Regions, i.WorkedRegions }).AsNoTracking().ToListAsync(cancellationToken);
        var result = new Dictionary<int, SheetIntake>();
        foreach (var row in rows)
        {
            var flags = row.NeedsConversation ? protector.Unprotect(row.ProtectedAnswers)?.Flags : null;
            if (flags is not null)
            {
                audit.Add("booking.health-read", entries.First(e => e.Id == row.BookingId).Reference, "Read the client's health flags on the day sheet");
            }
            var visit = clients.First(c => c.Id == row.BookingId);
            var last = history.Where(h => h.ClientId == visit.ClientId && h.StartUtc < visit.StartUtc).MaxBy(h => h.StartUtc);
            result[row.BookingId] = new SheetIntake(BodyRegions.Split(row.Regions), BodyRegions.Split(row.WorkedRegions), row.NeedsConversation, flags ?? [], row.Health,
                last is null ? null : BodyRegions.Split(last.Regions), last is null ? null : BodyRegions.Split(last.WorkedRegions));
        }
        return result;
    }

    /// <summary>The areas the therapist worked, ticked after the visit; replaces any earlier record.</summary>
    public async Task RecordWorkedAsync(Booking booking, IEnumerable<string> codes, string by, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.FirstOrDefaultAsync(i => i.BookingId == booking.Id, cancellationToken)
            ?? db.Intakes.Add(new BookingIntake { BookingId = booking.Id }).Entity;
        intake.WorkedRegions = BodyRegions.Join(codes);
        intake.WorkedRecordedAtUtc = clock.GetUtcNow().UtcDateTime;
        intake.WorkedRecordedBy = by.Length > 100 ? by[..100] : by;
        audit.Add("booking.worked-areas", booking.Reference, $"Recorded {BodyRegions.Split(intake.WorkedRegions).Count} areas worked");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Consent withdrawn from one booking's link: that booking's health answers and body-map marks are deleted, no other's.</summary>
    public async Task<int> WithdrawConsentAsync(Booking booking, CancellationToken cancellationToken)
    {
        var deleted = await Withdrawn(db.Intakes.Where(i => i.BookingId == booking.Id), cancellationToken);
        await UnmarkScoresAsync(db.Bookings.Where(a => a.Id == booking.Id).Select(a => a.Id), cancellationToken);
        await audit.SaveAsync("booking.health-consent-withdrawn", booking.Reference, "Health answers of this booking deleted at the client's request");
        await ScrubAsync(cancellationToken);
        return deleted;
    }

    /// <summary>Consent withdrawn: every health answer and body-map mark the client gave is deleted, on every booking. The areas the therapist worked (their treatment record) stay.</summary>
    /// <param name="actor">Who withdrew it, for the audit, when not the signed-in member of staff (e.g. the client on their own page).</param>
    public async Task<int> WithdrawConsentAsync(int clientId, string clientEmail, string? actor, CancellationToken cancellationToken)
    {
        var ids = db.Bookings.Where(a => a.ClientId == clientId).Select(a => a.Id);
        var deleted = await Withdrawn(db.Intakes.Where(i => ids.Contains(i.BookingId)), cancellationToken);
        await UnmarkScoresAsync(ids, cancellationToken);
        var email = clientEmail.ToLowerInvariant();
        await Clients.ClientRecords.PendingBookingsOf(db, email)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProtectedAnswers, (string?)null).SetProperty(p => p.HealthConsentAtUtc, (DateTime?)null)
                .SetProperty(p => p.Regions, (string?)null)
                .SetProperty(p => p.NeedsConversation, false), cancellationToken);
        await audit.SaveAsync("client.health-consent-withdrawn", $"client {clientId}", $"Health answers deleted from {deleted} bookings", actor);
        await ScrubAsync(cancellationToken);
        return deleted;
    }

    private static Task<int> Withdrawn(IQueryable<BookingIntake> intakes, CancellationToken cancellationToken) =>
        intakes.Where(i => i.ProtectedAnswers != null || i.HealthConsentAtUtc != null || i.Regions != "")
            .ExecuteUpdateAsync(s => s
                .SetProperty(i => i.ProtectedAnswers, (string?)null).SetProperty(i => i.NeedsConversation, false)
                .SetProperty(i => i.Regions, "").SetProperty(i => i.ScoredRegions, (string?)null)
                .SetProperty(i => i.Health, HealthStatus.AskInPerson)
                .SetProperty(i => i.HealthConsentVersion, (string?)null).SetProperty(i => i.HealthConsentAtUtc, (DateTime?)null), cancellationToken);

    /// <summary>
    /// The visit's scores are the treatment record and stay, sealed; the plain list of the areas they score goes with
    /// the map (readers then open the scores to tell).
    /// </summary>
    private Task<int> UnmarkScoresAsync(IQueryable<int> bookingIds, CancellationToken cancellationToken) =>
        db.VisitScores.Where(v => bookingIds.Contains(v.BookingId) && v.ScoredRegions != null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.ScoredRegions, (string?)null), cancellationToken);

    private async Task ScrubAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            // As with erasure: the old bytes must not linger in free pages or the write-ahead log.
            await db.Database.ExecuteSqlRawAsync("VACUUM", cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        }
    }
}
