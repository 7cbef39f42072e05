using HemelMassage.Web.Intake;
using HemelMassage.Web.Staff;
using HemelMassage.Web.TreatmentNotes;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Progress;

/// <summary>"Review the plan or refer", and why: each felt area that has not improved, and the intake's "talk first".</summary>
public sealed record ReviewPrompt(int ClientId, IReadOnlyList<string> Reasons);

/// <summary>A booking the prompt is asked for: whose it is, when, and whether its intake asks to talk first.</summary>
public sealed record ReviewQuestion(int BookingId, int ClientId, DateTime StartUtc, bool TalkFirst);

/// <summary>
/// Works out the review prompt for bookings on the booking page and the day sheet, for viewers who may read health
/// data, by the rule of <see cref="ClientProgress.NotImproved(int, int?, int?, int)"/>. The visits of every client asked
/// about are read in one query (<see cref="ClinicalRecords.VisitsAsync"/>); which areas each visit scores is written
/// beside its sealed scores, so only the payloads holding an area's first and latest scores are decrypted, each once.
/// One audit row per client whose scores were opened, added to the caller's unit of work; notes are never opened here.
/// </summary>
public sealed class ReviewPrompts(ClinicalRecords records, AuditLog audit, IOptions<TreatmentOptions> options)
{
    private int ReviewAfter => options.Value.ReviewAfterVisits;

    /// <summary>
    /// The prompt per booking id, for those that need one; each booking counts the visits up to its own. The audit rows
    /// are saved by the caller's SaveChanges.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, ReviewPrompt>> ForAsync(IReadOnlyCollection<ReviewQuestion> bookings, bool includeRestricted, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, ReviewPrompt>();
        if (bookings.Count == 0)
        {
            return result;
        }
        var visits = (await records.VisitsAsync([.. bookings.Select(b => b.ClientId)], includeRestricted, cancellationToken)).ToLookup(v => v.ClientId);
        var opened = new Scores(records);
        foreach (var booking in bookings)
        {
            var history = visits[booking.ClientId].Where(v => v.StartUtc <= booking.StartUtc).ToList();
            var reasons = NotImproved(history, opened).ToList();
            if (booking.TalkFirst)
            {
                reasons.Add("The health answers ask to talk first.");
            }
            if (reasons.Count > 0)
            {
                result[booking.BookingId] = new ReviewPrompt(booking.ClientId, reasons);
            }
        }
        foreach (var clientId in opened.Clients)
        {
            audit.Add("client.record-read", $"client {clientId}", "Read the pain scores for the review prompt");
        }
        return result;
    }

    /// <summary>The areas scored at <see cref="ReviewAfter"/> visits or more whose latest score is no lower than the first, in map order.</summary>
    private IEnumerable<string> NotImproved(List<StoredVisit> history, Scores opened)
    {
        var codes = BodyRegions.Clean(history.SelectMany(v => v.Felt.Concat(opened.Scored(v))));
        foreach (var code in codes)
        {
            var scored = history.Where(v => opened.Scored(v).Contains(code)).ToList();
            if (scored.Count < ReviewAfter)
            {
                continue;
            }
            // Lazily, from each end: the first visit's payloads are the only ones opened unless they cannot be (keys gone).
            var first = scored.SelectMany(v => opened.Of(v, code)).Cast<int?>().FirstOrDefault();
            var latest = Enumerable.Reverse(scored).Select(v => opened.Of(v, code).Cast<int?>().LastOrDefault()).FirstOrDefault(s => s is not null);
            if (ClientProgress.NotImproved(scored.Count, first, latest, ReviewAfter))
            {
                yield return $"{BodyRegions.Find(code)!.Label} has not improved over {scored.Count} visits ({first} to {latest}).";
            }
        }
    }

    /// <summary>The visits' payloads, each opened at most once, and whose were.</summary>
    private sealed class Scores(ClinicalRecords records)
    {
        private readonly Dictionary<int, IReadOnlyDictionary<string, int>> _atBooking = [];
        private readonly Dictionary<int, ScoreSheet> _atVisit = [];

        public HashSet<int> Clients { get; } = [];

        /// <summary>The areas the visit scores: from the marks beside its payloads, or by opening those kept without them.</summary>
        public IEnumerable<string> Scored(StoredVisit v) =>
            (v.ScoredAtBooking ?? BodyRegions.Split(ClinicalRecords.ScoredAreas(AtBooking(v))))
                .Concat(v.ScoredAtVisit ?? BodyRegions.Split(ClinicalRecords.ScoredAreas(AtVisit(v).Before, AtVisit(v).After)));

        /// <summary>The visit's scores of one area in the order the progress page reads them: at booking, before, after.</summary>
        public IEnumerable<int> Of(StoredVisit v, string code)
        {
            if (v.ScoredAtBooking?.Contains(code) != false && AtBooking(v).TryGetValue(code, out var booked) && ScoreSheet.IsScore(booked))
            {
                yield return booked;
            }
            if (v.ScoredAtVisit?.Contains(code) != false)
            {
                var sheet = AtVisit(v);
                foreach (var score in new[] { sheet.Before, sheet.After })
                {
                    if (score.TryGetValue(code, out var s) && ScoreSheet.IsScore(s))
                    {
                        yield return s;
                    }
                }
            }
        }

        private IReadOnlyDictionary<string, int> AtBooking(StoredVisit v)
        {
            if (!_atBooking.TryGetValue(v.BookingId, out var scores))
            {
                _atBooking[v.BookingId] = scores = records.BookingScoresOf(v);
                Opened(v, v.SealedAnswers);
            }
            return scores;
        }

        private ScoreSheet AtVisit(StoredVisit v)
        {
            if (!_atVisit.TryGetValue(v.BookingId, out var sheet))
            {
                _atVisit[v.BookingId] = sheet = records.VisitScoresOf(v);
                Opened(v, v.SealedScores);
            }
            return sheet;
        }

        private void Opened(StoredVisit v, string? payload)
        {
            if (payload is not null)
            {
                Clients.Add(v.ClientId);
            }
        }
    }
}
