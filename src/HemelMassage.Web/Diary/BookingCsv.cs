using System.Globalization;
using System.Text;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Diary;

/// <summary>
/// Bookings for a range of local days as CSV (RFC 4180: CRLF, fields quoted when they hold a comma, quote or
/// line break). A cell that a spreadsheet would read as a formula (= + - @, tab, CR) gets a leading quote. The
/// price is the one the booking was made at, in pounds without the sign, so a spreadsheet can add it up.
/// </summary>
public sealed class BookingCsv(ClinicDbContext db)
{
    public static readonly string[] Header = ["Reference", "Date", "Start", "End", "Therapist", "Treatment", "Client", "Email", "Phone", "Status", "Price"];

    public async Task<string> ExportAsync(DateOnly from, DateOnly toInclusive, CancellationToken cancellationToken)
    {
        var fromUtc = ClinicTime.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var toUtc = ClinicTime.ToUtc(toInclusive.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var rows = await db.Bookings.AsNoTracking()
            .Where(a => a.StartUtc >= fromUtc && a.StartUtc < toUtc)
            .OrderBy(a => a.StartUtc).ThenBy(a => a.TherapistId)
            .Select(a => new { a.Reference, a.StartUtc, a.EndUtc, Therapist = a.Therapist!.Name, Treatment = a.Treatment!.Name, Client = a.Client!.Name, a.Client.Email, a.Client.Phone, a.Status, a.PricePence })
            .ToListAsync(cancellationToken);
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
        {
            var start = ClinicTime.ToLocal(r.StartUtc);
            Line(csv, [r.Reference, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), start.ToString("HH:mm", CultureInfo.InvariantCulture),
                ClinicTime.ToLocal(r.EndUtc).ToString("HH:mm", CultureInfo.InvariantCulture), r.Therapist, r.Treatment, r.Client, r.Email, r.Phone, StatusText.Of(r.Status),
                (r.PricePence / 100m).ToString("0.00", CultureInfo.InvariantCulture)]);
        }
        return csv.ToString();
    }

    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static void Line(StringBuilder csv, IEnumerable<string> cells) => csv.Append(string.Join(',', cells.Select(Cell))).Append("\r\n");
}
