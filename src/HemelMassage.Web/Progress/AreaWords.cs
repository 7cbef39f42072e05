using HemelMassage.Web.Intake;

namespace HemelMassage.Web.Progress;

/// <summary>
/// Areas in words for staff: each area by its body-map label, except that an area worked on both sides is named once
/// for both ("hamstrings" for the left and right back of thigh), as a therapist would say it. A visit's areas come in
/// map order; across visits, in the order they were first worked.
/// </summary>
public static class AreaWords
{
    /// <summary>The name of both sides of each paired area, keyed by the code both sides share.</summary>
    private static readonly Dictionary<string, string> BothSides = new(StringComparer.Ordinal)
    {
        ["shoulders"] = "shoulders", ["upper-arms"] = "upper arms", ["forearms"] = "forearms and wrists", ["hands"] = "hands",
        ["hip-flexors"] = "hip flexors", ["glutes"] = "glutes", ["quads"] = "quads", ["itb"] = "outer thighs and ITBs",
        ["hamstrings"] = "hamstrings", ["knees"] = "knees", ["shins"] = "shins", ["calves"] = "calves", ["feet"] = "feet",
        ["soles"] = "soles and heels",
    };

    /// <summary>Known codes in the order given, a pair with both sides as one name where the first side comes; lower case, for use inside a sentence.</summary>
    public static IReadOnlyList<string> Names(IEnumerable<string> codes)
    {
        var known = codes.Where(BodyRegions.IsKnown).Distinct(StringComparer.Ordinal).ToList();
        var set = known.ToHashSet(StringComparer.Ordinal);
        var names = new List<string>();
        foreach (var code in known)
        {
            var name = Pair(code) is { } pair && set.Contains(pair + "-left") && set.Contains(pair + "-right")
                ? BothSides[pair]
                : Lower(BodyRegions.Find(code)!.Label);
            if (!names.Contains(name))
            {
                names.Add(name);
            }
        }
        return names;
    }

    /// <summary>"hamstrings, glutes, hip flexors", or "" for none.</summary>
    public static string List(IEnumerable<string> codes) => string.Join(", ", Names(codes));

    private static string? Pair(string code)
    {
        var dash = code.LastIndexOf('-');
        return dash > 0 && code[(dash + 1)..] is "left" or "right" && BothSides.ContainsKey(code[..dash]) ? code[..dash] : null;
    }

    private static string Lower(string label) => label.Length == 0 ? label : char.ToLowerInvariant(label[0]) + label[1..];
}
