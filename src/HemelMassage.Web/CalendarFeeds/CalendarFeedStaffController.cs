using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.CalendarFeeds;

/// <summary>
/// A therapist makes, replaces or stops their own calendar link from their account page; the Owner can stop
/// anyone's from the therapist's page (a lost phone, someone leaving) but never sees or makes one.
/// </summary>
[Area("Admin")]
public sealed class CalendarFeedStaffController(CalendarFeedLinks links, UserManager<StaffUser> users) : Controller
{
    /// <summary>TempData key: the new link, shown once on the account page and never stored in the clear.</summary>
    public const string NewLinkKey = "CalendarFeedUrl";

    [HttpPost("/admin/account/calendar")]
    public async Task<IActionResult> Make(CancellationToken cancellationToken)
    {
        if (await OwnTherapistAsync() is not int therapistId)
        {
            return NotLinked();
        }
        var token = await links.MakeAsync(therapistId, cancellationToken);
        TempData[NewLinkKey] = links.UrlOf(token);
        TempData["Notice"] = "Your new calendar link is below. Any earlier link has stopped working.";
        return Redirect("/admin/account#calendar");
    }

    [HttpPost("/admin/account/calendar/stop")]
    public async Task<IActionResult> Stop(CancellationToken cancellationToken)
    {
        if (await OwnTherapistAsync() is not int therapistId)
        {
            return NotLinked();
        }
        TempData["Notice"] = await links.StopAsync(therapistId, cancellationToken)
            ? "Your calendar link is stopped. Calendars subscribed to it get no more bookings."
            : "You had no calendar link to stop.";
        return Redirect("/admin/account#calendar");
    }

    [HttpPost("/admin/therapists/{id:int}/calendar/stop")]
    [Authorize(Roles = StaffRoles.Owner)]
    public async Task<IActionResult> StopFor(int id, CancellationToken cancellationToken)
    {
        TempData["Notice"] = await links.StopAsync(id, cancellationToken)
            ? "The calendar link is stopped. Calendars subscribed to it get no more bookings."
            : "There was no calendar link to stop.";
        return Redirect($"/admin/therapists/{id}#calendar");
    }

    private async Task<int?> OwnTherapistAsync() => (await users.GetUserAsync(User))?.TherapistId;

    private RedirectResult NotLinked()
    {
        TempData["Problem"] = "Your account is not linked to a therapist, so it has no calendar. The Owner links it on the Staff page.";
        return Redirect("/admin/account");
    }
}
