using System.Globalization;
using System.Text;
using HemelMassage.Web.Intake;

namespace HemelMassage.Web.TreatmentNotes;

/// <summary>The Subjective a new note starts with: what the client told us, in sentences the therapist then edits.</summary>
public static class Subjective
{
    public static string Describe(IReadOnlyList<string> felt, HealthAnswers? said, ScoreSheet? visit)
    {
        var text = new StringBuilder();
        if (felt.Count > 0)
        {
            var areas = felt.Select(code =>
            {
                var label = BodyRegions.Find(code)!.Label;
                var parts = new List<string>();
                if (said?.AreaScores?.TryGetValue(code, out var booked) == true)
                {
                    parts.Add(Invariant($"{booked}/10 at booking"));
                }
                if (visit?.Before.TryGetValue(code, out var before) == true)
                {
                    parts.Add(Invariant($"{before}/10 before the treatment"));
                }
                return parts.Count == 0 ? label : $"{label} ({string.Join(", ", parts)})";
            });
            text.Append("Feels it in: ").Append(string.Join("; ", areas)).AppendLine(".");
        }
        if (said is not null)
        {
            if (said.Intensity is int worst)
            {
                text.AppendLine(Invariant($"At its worst: {worst}/10."));
            }
            if (said.PainSince is { } since)
            {
                text.Append("Since: ").AppendLine(since);
            }
            if (said.PainWorse is { } worse)
            {
                text.Append("Worse with: ").AppendLine(worse);
            }
            if (said.Flags.Count > 0)
            {
                text.Append("Health answers to talk about: ").Append(string.Join(", ", said.Flags)).AppendLine(".");
            }
            if (said.Details is { } details)
            {
                text.Append("Said more: ").AppendLine(details);
            }
            if (said.AreasToAvoid is { } avoid)
            {
                text.Append("Avoid: ").AppendLine(avoid);
            }
        }
        return text.ToString().TrimEnd();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
