using System.Text;
using HemelMassage.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace HemelMassage.Web.CalendarFeeds;

/// <summary>
/// The address a therapist's calendar app subscribes to. The app carries no cookie, so the token alone opens it;
/// a token that is wrong, replaced, stopped or malformed gets the site's ordinary 404, the same as any unknown
/// address, so it tells nobody whether a therapist or a link exists.
/// </summary>
[EnableRateLimiting(RateLimits.Manage)]
[PrivatePage]
public sealed class CalendarFeedController(CalendarFeedLinks links, TherapistFeed feed) : Controller
{
    [HttpGet("/calendar/{token}.ics")]
    public async Task<IActionResult> Feed(string token, CancellationToken cancellationToken)
    {
        if (await links.TherapistOfAsync(token, cancellationToken) is not int therapistId)
        {
            return NotFound();
        }
        var ics = await feed.IcsAsync(therapistId, cancellationToken);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}
