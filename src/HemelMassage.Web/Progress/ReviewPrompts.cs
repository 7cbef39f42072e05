using HemelMassage.Web.Bookings;
using HemelMassage.Web.Data;
using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Progress;

/// <summary>"Review the plan or refer", and why: each felt area that has not improved, and the intake's "talk first".</summary>
public sealed record ReviewPrompt(int ClientId, IReadOnlyList<string> Reasons);

/// <summary>A booking the prompt is asked for: whose it is, when, and whether its intake asks to talk first.</summary>
public sealed record ReviewQuestion(int BookingId, int ClientId, DateTime StartUtc, bool TalkFirst);

/// <summary>
/// Works out the review prompt for bookings on the booking page and the day sheet, for viewers who may read health
/// data. The visits of every client asked about are read in one query and their scores decrypted after it (one audit
/// row per client); notes are never opened here.
/// </summary>
public sealed class ReviewPrompts(ClinicDbContext db, ClinicalRecordProtector protector, HealthAnswerProtector answers, AuditLog audit, IOptions<TreatmentOptions> options)
{
    private static readonly IReadOnlyDictionary<string, int> None = new Dictionary<string, int>();

    private int ReviewAfter => options.Value.ReviewAfterVisits;

    /// <summary>The prompt per booking id, for those that need one; each booking counts the visits up to its own.</summary>
    public async Task<IReadOnlyDictionary<int, ReviewPrompt>> ForAsync(IReadOnlyCollection<ReviewQuestion> bookings, bool includeRestricted, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, ReviewPrompt>();
        if (bookings.Count == 0)
        {
            return result;
        }
        var visits = await VisitsOfAsync([.. bookings.Select(b => b.ClientId).Distinct()], includeRestricted, cancellationToken);
        foreach (var booking in bookings)
        {
            var history = visits.TryGetValue(booking.ClientId, out var all) ? all.Where(v => v.StartUtc <= booking.StartUtc).ToList() : [];
            var reasons = ClientProgress.Of(history, ReviewAfter).Areas.Where(a => a.NeedsReview)
                .Select(a => $"{a.Label} has not improved over {a.ScoredVisits} visits ({a.First} to {a.Latest}).").ToList();
            if (booking.TalkFirst)
            {
                reasons.Add("The health answers ask to talk first.");
            }
            if (reasons.Count > 0)
            {
                result[booking.BookingId] = new ReviewPrompt(booking.ClientId, reasons);
            }
        }
        return result;
    }

    /// <summary>Every visit (booked or attended) of the clients, oldest first, the same shape as <see cref="ClinicalRecords.VisitsAsync"/>.</summary>
    private async Task<Dictionary<int, List<VisitRecord>>> VisitsOfAsync(List<int> clientIds, bool includeRestricted, CancellationToken cancellationToken)
    {
        var rows = await (from a in db.Bookings
                          where clientIds.Contains(a.ClientId) && (a.Status == BookingStatus.Booked || a.Status == BookingStatus.Arrived)
                          join i in db.Intakes on a.Id equals i.BookingId into intakes
                          from i in intakes.DefaultIfEmpty()
                          join s in db.VisitScores on a.Id equals s.BookingId into scores
                          from s in scores.DefaultIfEmpty()
                          join n in db.TreatmentNotes on a.Id equals n.BookingId into notes
                          from n in notes.DefaultIfEmpty()
                          orderby a.StartUtc, a.Id
                          select new
                          {
                              a.Id, a.ClientId, a.Reference, a.StartUtc, a.TherapistId,
                              Regions = i == null ? null : i.Regions, Worked = i == null ? null : i.WorkedRegions,
                              Answers = i == null ? null : i.ProtectedAnswers, Scores = s == null ? null : s.ProtectedScores,
                              Restricted = (n != null && n.RestrictedAtUtc != null) || (s != null && s.RestrictedAtUtc != null),
                          }).AsNoTracking().ToListAsync(cancellationToken);
        var byClient = new Dictionary<int, List<VisitRecord>>();
        foreach (var r in rows.Where(r => includeRestricted || !r.Restricted))
        {
            var sheet = protector.UnprotectScores(r.Scores) ?? ScoreSheet.Empty;
            var visit = new VisitRecord(r.Id, r.Reference, r.StartUtc, r.TherapistId, "", BodyRegions.Split(r.Regions), BodyRegions.Split(r.Worked),
                answers.Unprotect(r.Answers)?.AreaScores ?? None, sheet.Before, sheet.After, false, false, r.Restricted);
            (byClient.TryGetValue(r.ClientId, out var list) ? list : byClient[r.ClientId] = []).Add(visit);
        }
        foreach (var clientId in rows.Where(r => r.Scores is not null || r.Answers is not null).Select(r => r.ClientId).Distinct())
        {
            audit.Add("client.record-read", $"client {clientId}", "Read the pain scores for the review prompt");
        }
        await db.SaveChangesAsync(cancellationToken);
        return byClient;
    }
}
