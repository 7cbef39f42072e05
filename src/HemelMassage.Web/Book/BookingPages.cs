using HemelMassage.Web.Bookings;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Book;

/// <summary>The answers every booking step gives when a booking in progress cannot simply go on.</summary>
public static class BookingPages
{
    /// <summary>A key this browser did not make: a plain page and a fresh start, nothing of the booking shown.</summary>
    public static ViewResult OtherBrowser(this Controller controller, string freshStart)
    {
        controller.Response.StatusCode = StatusCodes.Status403Forbidden;
        return controller.View("OtherBrowser", freshStart);
    }

    public static string Expired(BookingOptions options) =>
        $"You started this booking more than {Durations.Say(options.PendingLifetime)} ago, so the time we were holding for you has been let go. " +
        "Please choose a time again: everything you told us is kept.";
}
