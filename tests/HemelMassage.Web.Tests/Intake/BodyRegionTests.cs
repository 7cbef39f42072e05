using System.Globalization;
using System.Text.RegularExpressions;
using HemelMassage.Web.Intake;

namespace HemelMassage.Web.Tests.Intake;

public sealed class BodyRegionTests
{
    [Fact]
    public void Left_and_right_are_the_clients_own_on_both_views()
    {
        foreach (var region in BodyRegions.All.Where(r => r.Code.EndsWith("-left", StringComparison.Ordinal) || r.Code.EndsWith("-right", StringComparison.Ordinal)))
        {
            var centre = Centre(region.Shape);
            var left = region.Code.EndsWith("-left", StringComparison.Ordinal);
            // Facing you (front), the client's left is on your right; from behind (back), on your left.
            var onViewersRight = centre > 100;
            Assert.True(onViewersRight == (left == (region.View == BodyView.Front)),
                $"{region.Code} on the {region.View} view is drawn on the viewer's {(onViewersRight ? "right" : "left")}");
            Assert.StartsWith(left ? "Left " : "Right ", region.Label, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_region_has_a_unique_code_a_label_and_a_reason_for_the_follow_up()
    {
        Assert.InRange(BodyRegions.All.Count, 30, 40);
        Assert.Equal(BodyRegions.All.Count, BodyRegions.All.Select(r => r.Code).Distinct().Count());
        Assert.All(BodyRegions.All, r => Assert.Matches("^[a-z]+(-[a-z]+)*$", r.Code));
        Assert.All(BodyRegions.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Why)));
        Assert.Equal(["lower-back", "glutes-left"], BodyRegions.Clean(["glutes-left", "nonsense", "lower-back", "glutes-left", null]));
    }

    private static double Centre(string shape)
    {
        if (Attribute("cx").Match(shape) is { Success: true } cx)
        {
            return double.Parse(cx.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        var x = double.Parse(Attribute("x").Match(shape).Groups[1].Value, CultureInfo.InvariantCulture);
        return x + double.Parse(Attribute("width").Match(shape).Groups[1].Value, CultureInfo.InvariantCulture) / 2;
    }

    private static Regex Attribute(string name) => new($"\\s{name}=\"([0-9.]+)\"");
}
