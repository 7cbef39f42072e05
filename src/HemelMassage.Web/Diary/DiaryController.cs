using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Diary;

/// <summary>The day and week diary, today first; a therapist sees only their own.</summary>
[Area("Admin")]
[Route("admin/diary")]
public sealed class DiaryController(DiaryQueries diary) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Day(DateOnly? date, int? therapist, CancellationToken cancellationToken) =>
        View("Diary", await diary.PageAsync(diary.DateOrToday(date), week: false, therapist, cancellationToken));

    [HttpGet("week")]
    public async Task<IActionResult> Week(DateOnly? date, int? therapist, CancellationToken cancellationToken) =>
        View("Diary", await diary.PageAsync(diary.DateOrToday(date), week: true, therapist, cancellationToken));
}
