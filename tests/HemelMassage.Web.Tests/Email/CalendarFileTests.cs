using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Email;

/// <summary>
/// The .ics a client downloads and the one each email carries come from one builder: a calendar keeps one
/// entry per UID, so every file of a booking must name the same entry and say which version it is.
/// </summary>
public sealed partial class CalendarFileTests
{
    [Fact]
    public async Task The_downloaded_calendar_file_is_the_emailed_invitations_entry_and_follows_the_booking_through_a_move_and_a_cancel()
    {
        using var site = new BookingSite();
        var client = site.CreatePageClient();
        var journey = new BookingJourney(client);
        var done = BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-10T10:00Z")));
        var manage = ManageLink().Match(await client.GetStringAsync(done)).Groups[1].Value;

        var fromConfirmation = await DownloadAsync(client, done + "/calendar.ics");
        var booked = await DownloadAsync(client, manage + "/calendar.ics");
        var invitation = Calendar.Load(await EmailedAsync(site, EmailKind.Confirmation))!;

        Assert.Equal(("PUBLISH", "REQUEST"), (booked.Method, invitation.Method));
        var entry = Assert.Single(booked.Events);
        Assert.Equal(Assert.Single(invitation.Events).Uid, entry.Uid);
        Assert.Equal(entry.Uid, Assert.Single(fromConfirmation.Events).Uid);
        Assert.Equal((0, 0), (entry.Sequence, invitation.Events.Single().Sequence));
        AssertUtc(entry, new DateTime(2026, 12, 10, 10, 0, 0, DateTimeKind.Utc));
        Assert.Equal("CONFIRMED", entry.Status);
        Assert.Contains("Deep tissue", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("12 Example Road", entry.Location, StringComparison.Ordinal);

        await client.PostFormAsync(manage + "/reschedule?date=2026-12-11", manage + "/reschedule",
            new Dictionary<string, string> { ["Start"] = "2026-12-11T14:00Z" });
        var moved = Assert.Single((await DownloadAsync(client, manage + "/calendar.ics")).Events);
        var movedInvitation = Calendar.Load(await EmailedAsync(site, EmailKind.Rescheduled))!;

        Assert.Equal(entry.Uid, moved.Uid);
        Assert.Equal(1, moved.Sequence);
        AssertUtc(moved, new DateTime(2026, 12, 11, 14, 0, 0, DateTimeKind.Utc));
        Assert.Equal(("REQUEST", entry.Uid, 1), (movedInvitation.Method, movedInvitation.Events.Single().Uid, movedInvitation.Events.Single().Sequence));

        await client.PostFormAsync(manage + "/cancel", manage + "/cancel", new Dictionary<string, string>());
        var cancelledFile = await DownloadAsync(client, manage + "/calendar.ics");
        var cancellation = Calendar.Load(await EmailedAsync(site, EmailKind.Cancelled))!;

        Assert.Equal(("CANCEL", "CANCEL"), (cancelledFile.Method, cancellation.Method));
        Assert.Equal((entry.Uid, 2, "CANCELLED"), (cancelledFile.Events.Single().Uid, cancelledFile.Events.Single().Sequence, cancelledFile.Events.Single().Status));
        Assert.Equal((entry.Uid, 2), (cancellation.Events.Single().Uid, cancellation.Events.Single().Sequence));
    }

    private static void AssertUtc(CalendarEvent entry, DateTime startUtc)
    {
        Assert.True(entry.DtStart!.IsUtc && entry.DtEnd!.IsUtc, "times must be UTC, so no calendar shifts them around a clock change");
        Assert.Equal((startUtc, startUtc.AddHours(1)), (entry.DtStart.AsUtc, entry.DtEnd.AsUtc));
    }

    private static async Task<Calendar> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return Calendar.Load(await response.Content.ReadAsStringAsync())!;
    }

    private static Task<string> EmailedAsync(BookingSite site, EmailKind kind) =>
        site.WithDbAsync(db => db.OutboxMessages.Where(m => m.Kind == kind).Select(m => m.Ics!).SingleAsync());

    [GeneratedRegex("id=\"manage-link\">http://localhost:5065(/booking/[^<]+)<")]
    private static partial Regex ManageLink();
}
