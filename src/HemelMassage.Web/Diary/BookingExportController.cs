using System.Text;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Diary;

public sealed record ExportPage(string From, string To, string? Problem);

/// <summary>Bookings for a range of days as a CSV file, for the desk and the Owner.</summary>
[Area("Admin")]
[Route("admin/bookings/export")]
[Authorize(Roles = StaffRoles.Owner + "," + StaffRoles.Reception)]
public sealed class BookingExportController(DiaryQueries diary, BookingCsv csv, AuditLog audit) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Export(string? from, string? to, CancellationToken cancellationToken)
    {
        var today = diary.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        if (from is null && to is null)
        {
            return View(new ExportPage(today, today, null));
        }
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", out var first) || !DateOnly.TryParseExact(to, "yyyy-MM-dd", out var last)
            || first.Year is < 2000 or > 2100 || last.Year is < 2000 or > 2100)
        {
            return View(new ExportPage(from ?? today, to ?? today, "Enter both dates, for example 2026-12-07."));
        }
        if (last < first || last.DayNumber - first.DayNumber > 366)
        {
            return View(new ExportPage(from!, to!, "The last day must be on or after the first, and at most a year later."));
        }
        await audit.SaveAsync("bookings.export", $"{first:yyyy-MM-dd} to {last:yyyy-MM-dd}", "CSV export with contact details");
        var body = await csv.ExportAsync(first, last, cancellationToken);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(body)).ToArray(), "text/csv; charset=utf-8", $"bookings-{first:yyyy-MM-dd}-to-{last:yyyy-MM-dd}.csv");
    }
}
