using HemelMassage.Web.Intake;
using HemelMassage.Web.TreatmentNotes;

namespace HemelMassage.Web.Progress;

/// <summary>One visit of one felt area: its number among the client's visits and the three scores it may have.</summary>
public sealed record AreaVisit(int Number, VisitRecord Visit, int? AtBooking, int? Before, int? After)
{
    /// <summary>The visit's scores in the order given: at booking, before, after.</summary>
    public IEnumerable<int> Scores => new[] { AtBooking, Before, After }.OfType<int>();
}

/// <summary>
/// One felt area over the visits where it was felt or scored: first and latest score, and the sentence the progress page
/// leads with ("Lower back 7 to 3 over 4 visits; worked hamstrings, glutes, hip flexors").
/// </summary>
public sealed record AreaProgress(string Code, string Label, IReadOnlyList<AreaVisit> Visits, int? First, int? Latest, string Worked, bool NeedsReview)
{
    public int ScoredVisits => Visits.Count(v => v.Scores.Any());

    public string Words
    {
        get
        {
            var visits = Visits.Count == 1 ? "1 visit" : $"{Visits.Count} visits";
            var scores = First is int first && Latest is int latest
                ? (Visits.Sum(v => v.Scores.Count()) == 1 ? $"{Label} {first} (one score so far) over {visits}" : $"{Label} {first} to {latest} over {visits}")
                : $"{Label} felt at {visits}, no scores given";
            return scores + (Worked.Length > 0 ? "; worked " + Worked : "; no areas worked recorded yet");
        }
    }
}

/// <summary>A visit in the list beside the chart: where it was felt and what was worked, in words.</summary>
public sealed record VisitLine(int Number, VisitRecord Visit, string Felt, string Worked);

/// <summary>What the progress page (and the summary for a GP) shows, worked out from the client's visits, oldest first.</summary>
public sealed record ClientProgress(IReadOnlyList<AreaProgress> Areas, IReadOnlyList<VisitLine> Visits)
{
    public static ClientProgress Of(IReadOnlyList<VisitRecord> visits, int reviewAfterVisits)
    {
        var codes = BodyRegions.Clean(visits.SelectMany(v => v.Felt.Concat(v.BookingScores.Keys).Concat(v.Before.Keys).Concat(v.After.Keys)));
        var areas = codes.Select(code => Area(code, visits, reviewAfterVisits)).ToList();
        var lines = visits.Select((v, i) => new VisitLine(i + 1, v, AreaWords.List(v.Felt), AreaWords.List(v.Worked))).ToList();
        return new ClientProgress(areas, lines);
    }

    /// <summary>
    /// The review rule: an area scored at <paramref name="reviewAfterVisits"/> visits or more whose latest score is no
    /// lower than its first has not improved, so the plan needs a second look (or the client a referral).
    /// </summary>
    public static bool NotImproved(AreaProgress area, int reviewAfterVisits) =>
        NotImproved(area.ScoredVisits, area.First, area.Latest, reviewAfterVisits);

    /// <summary>The same rule from an area's figures alone: the number of visits that scored it, its first and its latest score.</summary>
    public static bool NotImproved(int scoredVisits, int? first, int? latest, int reviewAfterVisits) =>
        scoredVisits >= reviewAfterVisits && first is int from && latest is int to && to >= from;

    private static AreaProgress Area(string code, IReadOnlyList<VisitRecord> visits, int reviewAfterVisits)
    {
        var rows = visits.Select((v, i) => new AreaVisit(i + 1, v, Score(v.BookingScores, code), Score(v.Before, code), Score(v.After, code)))
            .Where(r => r.Visit.Felt.Contains(code) || r.Scores.Any())
            .ToList();
        var scores = rows.SelectMany(r => r.Scores).ToList();
        var worked = rows.SelectMany(r => r.Visit.Worked).Distinct(StringComparer.Ordinal).ToList();
        // The felt area itself goes unsaid when other areas were worked too: the sentence is about where else the cause lay.
        if (worked.Count > 1)
        {
            worked.Remove(code);
        }
        var area = new AreaProgress(code, BodyRegions.Find(code)!.Label, rows, scores.Count > 0 ? scores[0] : null, scores.Count > 0 ? scores[^1] : null,
            AreaWords.List(worked), false);
        return area with { NeedsReview = NotImproved(area, reviewAfterVisits) };
    }

    private static int? Score(IReadOnlyDictionary<string, int> scores, string code) =>
        scores.TryGetValue(code, out var score) && ScoreSheet.IsScore(score) ? score : null;
}
