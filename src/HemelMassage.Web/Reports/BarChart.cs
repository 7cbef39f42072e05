using System.Globalization;

namespace HemelMassage.Web.Reports;

/// <param name="Share">The bar's length as a share of the longest possible one, 0 to 1.</param>
/// <param name="Text">The figure written beside the bar, so no bar is read by its length or colour alone.</param>
public sealed record Bar(string Label, double Share, string Text);

/// <summary>A small horizontal bar chart drawn on the server as SVG (<c>_BarChart</c>): a title and a description for screen readers, each bar labelled in words.</summary>
public sealed record BarChart(string Id, string Title, string Description, IReadOnlyList<Bar> Bars)
{
    /// <summary>Bars scaled to the largest value, so the longest bar fills the chart.</summary>
    public static BarChart Scaled(string id, string title, string description, IEnumerable<(string Label, double Value, string Text)> bars)
    {
        var list = bars.ToList();
        var max = list.Count == 0 ? 0 : list.Max(b => b.Value);
        return new BarChart(id, title, description, [.. list.Select(b => new Bar(b.Label, max > 0 ? b.Value / max : 0, b.Text))]);
    }
}

/// <summary>How the report writes its figures.</summary>
public static class ReportText
{
    private static readonly CultureInfo British = CultureInfo.GetCultureInfo("en-GB");

    public static string Percent(double? rate) => rate is double r ? (r * 100).ToString("0.#", British) + "%" : "n/a";

    public static string Hours(TimeSpan time) => time.TotalHours.ToString("0.#", British) + " h";

    public static string Money(long pence) => pence <= int.MaxValue ? Treatments.Money.Format((int)pence) : "£" + (pence / 100).ToString("N0", British);
}
