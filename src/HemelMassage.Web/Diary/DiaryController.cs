using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Diary;

/// <summary>
/// The diary, today first: the day grid (a column per therapist), a therapist's week grid, and the same
/// days as a list (for screen readers, phones and the printed day sheet). A therapist sees only their own.
/// </summary>
[Area("Admin")]
[Route("admin/diary")]
public sealed class DiaryController(DiaryQueries diary, DiaryGrid grid, IWaitingCounts waiting) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Day(string? date, int? therapist, CancellationToken cancellationToken)
    {
        var (day, problem) = Parse(date);
        return await GridAsync(await grid.DayAsync(day, therapist, problem, cancellationToken), cancellationToken);
    }

    [HttpGet("week")]
    public async Task<IActionResult> Week(string? date, int? therapist, CancellationToken cancellationToken)
    {
        var (day, problem) = Parse(date);
        return await GridAsync(await grid.WeekAsync(day, therapist, problem, cancellationToken), cancellationToken);
    }

    [HttpGet("list")]
    public async Task<IActionResult> List(string? date, int? therapist, CancellationToken cancellationToken)
    {
        var (day, problem) = Parse(date);
        ViewData["Problem"] = problem;
        return await ListAsync(await diary.PageAsync(day, week: false, therapist, cancellationToken), cancellationToken);
    }

    [HttpGet("list/week")]
    public async Task<IActionResult> ListWeek(string? date, int? therapist, CancellationToken cancellationToken)
    {
        var (day, problem) = Parse(date);
        ViewData["Problem"] = problem;
        return await ListAsync(await diary.PageAsync(day, week: true, therapist, cancellationToken), cancellationToken);
    }

    /// <summary>The grid with the waitlist's count for each day it shows (the day, or the week's columns).</summary>
    private async Task<IActionResult> GridAsync(GridPage page, CancellationToken cancellationToken)
    {
        ViewData[DiaryWaiting.Key] = await DiaryWaiting.ForAsync(waiting, page.IsWeek && page.Columns.Count > 0 ? page.Columns.Select(c => c.Date) : [page.Date], cancellationToken);
        return View("Grid", page);
    }

    private async Task<IActionResult> ListAsync(DiaryPage page, CancellationToken cancellationToken)
    {
        ViewData[DiaryWaiting.Key] = await DiaryWaiting.ForAsync(waiting, page.Days.Count > 0 ? page.Days.Select(d => d.Date) : [page.Date], cancellationToken);
        return View("Diary", page);
    }

    /// <summary>The date in the address, or today with a message saying why when it is not one.</summary>
    private (DateOnly Date, string? Problem) Parse(string? date)
    {
        if (string.IsNullOrWhiteSpace(date))
        {
            return (diary.Today, null);
        }
        return DateOnly.TryParseExact(date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2100
            ? (day, null)
            : (diary.Today, $"\"{(date.Length > 40 ? date[..40] + "…" : date)}\" is not a date the diary can show, so here is today. Use the date picker, or a date like {diary.Today:yyyy-MM-dd}.");
    }
}
