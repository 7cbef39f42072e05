using System.Collections.Frozen;

namespace HemelMassage.Web.Intake;

public enum BodyView
{
    Front,
    Back,
}

/// <summary>
/// One area of the body map. <paramref name="Shape"/> is an SVG element drawn on a figure centred on x = 100
/// (x 30 to 166, y 0 to 406);
/// left and right are the client's own, so on the front view their left is on the viewer's right.
/// <paramref name="Why"/> says, for the follow-up email, why this area is worked when the pain is elsewhere.
/// </summary>
public sealed record BodyRegion(string Code, string Label, BodyView View, string Shape, string Why);

/// <summary>The clinic's body map: the codes are the ones articles name in their <c>regions:</c> front matter.</summary>
public static class BodyRegions
{
    public static IReadOnlyList<BodyRegion> All { get; } = Build();

    private static readonly FrozenDictionary<string, BodyRegion> ByCode = All.ToFrozenDictionary(r => r.Code, StringComparer.Ordinal);

    public static BodyRegion? Find(string? code) => code is null ? null : ByCode.GetValueOrDefault(code);

    public static bool IsKnown(string? code) => code is not null && ByCode.ContainsKey(code);

    /// <summary>
    /// The codes a name in an article's front matter stands for: one region's code ("lower-back", "knees-left"), or a
    /// group of both sides ("hamstrings" for hamstrings-left and hamstrings-right). Empty for a name not on the map.
    /// </summary>
    public static IReadOnlyList<string> Expand(string? name) =>
        name is null ? [] : IsKnown(name) ? [name] : [.. new[] { name + "-left", name + "-right" }.Where(IsKnown)];

    /// <summary>Known codes only, in map order, each once: what is stored.</summary>
    public static IReadOnlyList<string> Clean(IEnumerable<string?>? codes)
    {
        var chosen = (codes ?? []).Where(IsKnown).ToHashSet(StringComparer.Ordinal);
        return [.. All.Where(r => chosen.Contains(r.Code)).Select(r => r.Code)];
    }

    /// <summary>Stored as one space-separated column: short, readable, and queried only per booking.</summary>
    public static string Join(IEnumerable<string> codes) => string.Join(' ', Clean(codes));

    public static IReadOnlyList<string> Split(string? stored) =>
        Clean(stored?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static IReadOnlyList<string> Labels(IEnumerable<string> codes) => [.. Clean(codes).Select(c => ByCode[c].Label)];

    private static List<BodyRegion> Build()
    {
        // Every area is at least 22 x 22 units, so on a 390 px phone (the figure about 1.2 px a unit) each tap
        // target is at least 24 x 24 CSS px (WCAG 2.2 2.5.8); the arms end at the hips so the thighs have room.
        var list = new List<BodyRegion>
        {
            new("head", "Head and jaw", BodyView.Front, "<ellipse cx=\"100\" cy=\"42\" rx=\"20\" ry=\"23\"/>",
                "A tight jaw and scalp feed tension headaches and a stiff neck."),
            new("chest", "Chest", BodyView.Front, "<rect x=\"72\" y=\"84\" width=\"56\" height=\"44\" rx=\"8\"/>",
                "A tight chest rounds the shoulders and loads the upper back and neck."),
            new("abdomen", "Abdomen", BodyView.Front, "<rect x=\"74\" y=\"130\" width=\"52\" height=\"42\" rx=\"8\"/>",
                "Weak or tight abdominals leave the lower back doing their work."),
            new("neck", "Neck", BodyView.Back, "<rect x=\"88\" y=\"60\" width=\"24\" height=\"23\" rx=\"5\"/>",
                "The neck carries the head all day and takes up strain from the shoulders and upper back."),
            new("upper-back", "Upper back and shoulder blades", BodyView.Back, "<rect x=\"72\" y=\"84\" width=\"56\" height=\"44\" rx=\"8\"/>",
                "The upper back holds the shoulder blades, and with them the neck and shoulders."),
            new("lower-back", "Lower back", BodyView.Back, "<rect x=\"74\" y=\"130\" width=\"52\" height=\"42\" rx=\"8\"/>",
                "The lower back is where the pull of the hips, glutes and legs is often felt."),
        };
        var pairs = new (string Code, string Label, BodyView View, Func<int, string> Draw, string Why)[]
        {
            ("shoulders", "shoulder", BodyView.Back, s => Ellipse(s, 44, 88, 15, 12),
                "Shoulders tie the neck, the upper back and the arms together."),
            ("upper-arms", "upper arm", BodyView.Front, s => Rect(s, 31, 92, 23, 46, tilt: 6),
                "The upper arm anchors on the shoulder, so tight arms pull the shoulder forward."),
            ("forearms", "forearm and wrist", BodyView.Front, s => Rect(s, 36, 140, 23, 40, tilt: 8),
                "Forearm muscles work the wrist and hand and refer pain into the elbow."),
            ("hands", "hand", BodyView.Front, s => Ellipse(s, 53, 194, 12, 12),
                "Hands and fingers end the chain that starts at the neck."),
            ("hip-flexors", "hip flexor (front of hip)", BodyView.Front, s => Rect(s, 1, 174, 26, 24),
                "Tight hip flexors tilt the pelvis forward and pull on the lower back."),
            ("glutes", "glute (buttock)", BodyView.Back, s => Rect(s, 1, 174, 38, 36),
                "The glutes steady the pelvis; when they are tight or tired the lower back takes over."),
            ("quads", "front of thigh (quads)", BodyView.Front, s => Rect(s, 2, 200, 23, 70),
                "The quads cross the hip and the knee, so tight quads pull on both."),
            ("itb", "outer thigh and ITB", BodyView.Front, s => Rect(s, 25, 200, 22, 70),
                "The outer thigh and ITB run from the hip to the knee and pull on both ends."),
            ("hamstrings", "back of thigh (hamstrings)", BodyView.Back, s => Rect(s, 2, 212, 45, 60),
                "Tight hamstrings tilt the pelvis back and flatten and strain the lower back."),
            ("knees", "knee", BodyView.Front, s => Ellipse(s, 14, 284, 12, 11),
                "Knee pain often comes from the thigh and hip muscles that cross the knee."),
            ("shins", "shin", BodyView.Front, s => Rect(s, 3, 298, 22, 60),
                "Shin muscles lift the foot and share the load of every step with the calf."),
            ("calves", "calf", BodyView.Back, s => Rect(s, 3, 276, 24, 82),
                "Tight calves change how you walk and pull up through the hamstrings to the back."),
            ("feet", "foot", BodyView.Front, s => Ellipse(s, 15, 372, 14, 11),
                "Feet are the base of the chain: how they land shapes the legs, hips and back."),
            ("soles", "sole and heel", BodyView.Back, s => Ellipse(s, 15, 372, 14, 11),
                "The sole and heel connect, through the calf, to the back of the leg."),
        };
        foreach (var (code, label, view, draw, why) in pairs)
        {
            foreach (var side in new[] { "left", "right" })
            {
                // Left and right are the client's own: on the front view their left is on the viewer's right,
                // on the back view on the viewer's left. +1 draws right of the centre line.
                var sign = (view == BodyView.Front) == (side == "left") ? 1 : -1;
                list.Add(new($"{code}-{side}", $"{(side == "left" ? "Left" : "Right")} {label}", view, draw(sign), why));
            }
        }
        return list;
    }

    /// <summary>A rectangle <paramref name="inner"/> units from the centre line, on the side <paramref name="sign"/> gives.</summary>
    /// <param name="tilt">Degrees the shape swings out from its top, as an arm hangs away from the body.</param>
    private static string Rect(int sign, int inner, int y, int width, int height, int tilt = 0)
    {
        var x = sign > 0 ? 100 + inner : 100 - inner - width;
        var turn = tilt == 0 ? "" : FormattableString.Invariant($" transform=\"rotate({-sign * tilt} {x + width / 2.0:0.#} {y})\"");
        return $"<rect x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" rx=\"6\"{turn}/>";
    }

    private static string Ellipse(int sign, int dx, int cy, int rx, int ry) =>
        $"<ellipse cx=\"{100 + sign * dx}\" cy=\"{cy}\" rx=\"{rx}\" ry=\"{ry}\"/>";
}

/// <summary>The figure drawn for a booking: where the client felt it and, after the visit, what was worked.</summary>
public sealed record BodyFigure(IReadOnlyCollection<string> Felt, IReadOnlyCollection<string> Worked, bool Small = false, bool ForStaff = false)
{
    /// <summary>Whose left and right the figure labels: the client's own, said to them or to their therapist.</summary>
    public string Whose => ForStaff ? "Client's" : "Your";
}

/// <summary>The areas-worked form of one booking; <paramref name="Back"/> is "note" when it sits in the treatment note.</summary>
public sealed record WorkedAreasForm(int BookingId, IReadOnlyCollection<string> Worked, string? Back = null);
