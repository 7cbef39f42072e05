using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.CalendarFeeds;

/// <param name="NewUrl">Only on the page right after the link was made: it cannot be shown again.</param>
public sealed record CalendarFeedSection(int? TherapistId, string? TherapistName, DateTime? MadeAtUtc, string? NewUrl)
{
    /// <summary>The same address for apps that open <c>webcal:</c> links (Apple Calendar, Outlook): they subscribe at once.</summary>
    public string? WebcalUrl => NewUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        ? "webcal://" + uri.Authority + uri.PathAndQuery : null;
}

/// <summary>The calendar part of a member's own account page; nothing for an account linked to no therapist and not a therapist.</summary>
public sealed class OwnCalendarFeedViewComponent(UserManager<StaffUser> users, CalendarFeedLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var user = await users.GetUserAsync(HttpContext.User);
        if (user?.TherapistId is not int therapistId)
        {
            return HttpContext.User.IsInRole(StaffRoles.Therapist)
                ? View("~/CalendarFeeds/Views/_OwnFeed.cshtml", new CalendarFeedSection(null, null, null, null))
                : Content("");
        }
        var made = await links.MadeAtAsync(therapistId, HttpContext.RequestAborted);
        var url = TempData[CalendarFeedStaffController.NewLinkKey] as string;
        return View("~/CalendarFeeds/Views/_OwnFeed.cshtml", new CalendarFeedSection(therapistId, null, made, url));
    }
}

/// <summary>The calendar part of a therapist's admin page, for the Owner: whether a link is live, and a button to stop it.</summary>
public sealed class TherapistCalendarFeedViewComponent(CalendarFeedLinks links) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int therapistId, string therapistName) =>
        View("~/CalendarFeeds/Views/_TherapistFeed.cshtml",
            new CalendarFeedSection(therapistId, therapistName, await links.MadeAtAsync(therapistId, HttpContext.RequestAborted), null));
}
