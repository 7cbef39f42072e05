using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Bookings;

/// <summary>The answers every booking step gives when a booking in progress cannot simply go on.</summary>
public static class BookingPages
{
    /// <summary>A key this browser did not make: a plain page and a fresh start, nothing of the booking shown.</summary>
    public static ViewResult OtherBrowser(this Controller controller, string freshStart)
    {
        controller.Response.StatusCode = StatusCodes.Status403Forbidden;
        return controller.View("OtherBrowser", freshStart);
    }

    /// <summary>A key that never existed (or is long gone).</summary>
    public static ViewResult NotValid(this Controller controller)
    {
        controller.Response.StatusCode = StatusCodes.Status404NotFound;
        return controller.View("LinkNotValid");
    }

    public static string Expired(BookingOptions options) =>
        $"You started this booking more than {Span(options.PendingLifetime)} ago, so the time we were holding for you has been let go. " +
        "Please choose a time again: everything you told us is kept.";

    /// <summary>"2 hours", "90 minutes", "1 day".</summary>
    public static string Span(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? Count(span.TotalDays, "day")
        : span.TotalHours % 1 == 0 ? Count(span.TotalHours, "hour")
        : Count(Math.Round(span.TotalMinutes), "minute");

    private static string Count(double n, string unit) => n.ToString("0", CultureInfo.InvariantCulture) + " " + unit + (n == 1 ? "" : "s");
}
