using System.Net;
using System.Text.RegularExpressions;

namespace HemelMassage.Web.Tests.Admin;

/// <summary>One cell of the diary grid as a reader meets it: its words, its classes, its link and how many rows it spans.</summary>
public sealed record GridCellSeen(string Text, string Classes, string? Link, int Span, string StartsAt);

/// <summary>
/// Reads the diary grid's table the way a browser lays it out (rowspans included), so a test can ask
/// "what is in Sarah's column at 14:30?" and get the cell covering that row.
/// </summary>
public sealed partial class GridReader
{
    private readonly Dictionary<(string Column, string Time), GridCellSeen> _cells = [];

    public GridReader(string html)
    {
        var table = TablePattern().Match(html);
        Assert.True(table.Success, "No diary grid on the page:\n" + html);
        var rows = RowPattern().Matches(table.Value).Select(m => CellPattern().Matches(m.Groups[1].Value).ToList()).ToList();
        Columns = [.. rows[0].Skip(1).Select(c => Words(c.Groups[3].Value).Split(" Clinic closed")[0])];
        var covered = new Dictionary<(int Row, int Column), GridCellSeen>();
        var times = new List<string>();
        for (var r = 1; r < rows.Count; r++)
        {
            var time = Words(rows[r][0].Groups[3].Value);
            times.Add(time);
            var column = 0;
            foreach (var cell in rows[r].Skip(1))
            {
                while (covered.ContainsKey((r, column)))
                {
                    column++;
                }
                var attributes = cell.Groups[2].Value;
                var span = SpanPattern().Match(attributes) is { Success: true } s ? int.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 1;
                var seen = new GridCellSeen(Words(cell.Groups[3].Value), ClassPattern().Match(attributes).Groups[1].Value,
                    LinkPattern().Match(cell.Groups[3].Value) is { Success: true } l ? WebUtility.HtmlDecode(l.Groups[1].Value) : null, span, time);
                for (var i = 0; i < span; i++)
                {
                    covered[(r + i, column)] = seen;
                }
                column++;
            }
        }
        Times = times;
        foreach (var ((row, column), seen) in covered)
        {
            _cells[(Columns[column], times[row - 1])] = seen;
        }
    }

    public IReadOnlyList<string> Columns { get; }

    public IReadOnlyList<string> Times { get; }

    /// <summary>The cell covering <paramref name="time"/>'s row in <paramref name="column"/>.</summary>
    public GridCellSeen At(string column, string time) =>
        _cells.TryGetValue((column, time), out var cell) ? cell : throw new KeyNotFoundException($"No cell at {column} {time}; columns: {string.Join(", ", Columns)}; rows: {string.Join(", ", Times)}");

    private static string Words(string html) => Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html.Replace("<br>", " ", StringComparison.Ordinal), "<[^>]+>", "")), @"\s+", " ").Trim();

    [GeneratedRegex("<table class=\"diary-grid\".*?</table>", RegexOptions.Singleline)]
    private static partial Regex TablePattern();

    [GeneratedRegex("<tr>(.*?)</tr>", RegexOptions.Singleline)]
    private static partial Regex RowPattern();

    [GeneratedRegex("<(td|th)([^>]*)>(.*?)</\\1>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex("rowspan=\"(\\d+)\"")]
    private static partial Regex SpanPattern();

    [GeneratedRegex("class=\"([^\"]*)\"")]
    private static partial Regex ClassPattern();

    [GeneratedRegex("<a [^>]*href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
