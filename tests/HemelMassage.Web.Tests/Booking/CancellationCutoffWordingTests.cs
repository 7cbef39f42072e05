using HemelMassage.Web.Tests.Support;
using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Email;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

/// <summary>
/// The site started with <c>Booking:CancellationCutoff=2.00:00:00</c>: every page and email states 48 hours,
/// none promises 24, and an hour inside the cut-off says so before it is chosen and after it is booked.
/// The clock stands at Monday 7 December 2026, 08:00, so Wednesday 9 December 08:00 is the line.
/// One site for the class: each test books hours of its own (Tuesday 10:00; Thursday 10:00; Thursday 14:00,
/// moved to Tuesday 14:00) and the times pages are read at 16:00, which no booking or changeover takes.
/// </summary>
public sealed partial class CancellationCutoffWordingTests(CancellationCutoffWordingTests.FortyEightHourSite fixture)
    : IClassFixture<CancellationCutoffWordingTests.FortyEightHourSite>
{
    public sealed class FortyEightHourSite : IDisposable
    {
        public BookingSite Site { get; } = new();

        public FortyEightHourSite() => Site.With("Booking:CancellationCutoff", "2.00:00:00");

        public void Dispose() => Site.Dispose();
    }

    private readonly BookingSite _site = fixture.Site;
    private readonly HttpClient _client = fixture.Site.CreatePageClient();

    [Fact]
    public async Task Times_inside_48_hours_are_marked_changes_by_phone_only_before_they_are_chosen_and_later_ones_are_not()
    {
        var tuesday = Text(await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-08"));
        var thursday = Text(await _client.GetStringAsync("/book/times?treatment=deep-tissue&therapist=1&date=2026-12-10"));

        Assert.Contains("16:00 to 17:00 with Sarah, changes by phone only", tuesday, StringComparison.Ordinal);
        Assert.Contains("Times marked “changes by phone only” are less than 48 hours away", tuesday, StringComparison.Ordinal);
        Assert.Contains("16:00 to 17:00 with Sarah", thursday, StringComparison.Ordinal);
        Assert.DoesNotContain("changes by phone only", thursday, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_inside_48_hours_says_to_phone_on_the_details_confirmation_and_manage_pages_and_in_its_email()
    {
        var journey = new BookingJourney(_client);
        var details = BookingSite.Location(await journey.ChooseAsync("2026-12-08T10:00Z"));
        var detailsPage = Text(await _client.GetStringAsync(details));
        var key = await journey.UpToReviewAsync("2026-12-08T10:00Z");
        var done = Text(await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(key))));
        var manage = ManageLinkOf(done);
        var managePage = Text(await _client.GetStringAsync(manage));
        var email = await ConfirmationAsync("2026-12-08T10:00Z");

        Assert.Contains("I can change or cancel online up to 48 hours before it starts; after that I will phone the clinic.", detailsPage, StringComparison.Ordinal);
        Assert.Contains("This time is less than 48 hours away, so once it is booked you can change or cancel it only by phoning us.", detailsPage, StringComparison.Ordinal);
        Assert.Contains("This booking is less than 48 hours away, so it can't be changed or cancelled online. To change it, please phone us on 01442 000000.", done, StringComparison.Ordinal);
        Assert.Contains("Your booking is less than 48 hours away, so it can't be changed online. Please call us on 01442 000000.", managePage, StringComparison.Ordinal);
        Assert.Contains("This booking is less than 48 hours away, so it can no longer be moved or cancelled online. To change it, please phone us on 01442 000000.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("less than 48 hours away, so it can no longer be moved or cancelled online", WebUtility.HtmlDecode(email.HtmlBody), StringComparison.Ordinal);
        Assert.Contains("View your booking:", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("move or cancel your booking", email.TextBody + email.HtmlBody, StringComparison.Ordinal);
        Assert.All(new[] { detailsPage, done, managePage, email.TextBody, email.HtmlBody }, NoTwentyFourHours);
    }

    [Fact]
    public async Task A_booking_beyond_48_hours_says_until_when_it_can_be_changed_online_on_the_confirmation_and_in_its_email()
    {
        var journey = new BookingJourney(_client);
        var done = Text(await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-10T10:00Z")))));
        var email = await ConfirmationAsync("2026-12-10T10:00Z");

        Assert.Contains("You can change or cancel online until Tuesday 8 December at 10:00 (48 hours before it starts); after that, please phone us.", done, StringComparison.Ordinal);
        Assert.Contains("You can move or cancel this booking online until Tuesday 8 December 2026 at 10:00 (48 hours before it starts). After that, please phone us on 01442 000000.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("View, move or cancel your booking:", email.TextBody, StringComparison.Ordinal);
        Assert.All(new[] { done, email.TextBody, email.HtmlBody }, NoTwentyFourHours);
    }

    [Fact]
    public async Task Rescheduling_marks_the_times_that_would_lock_the_booking_and_the_moved_email_says_so()
    {
        var journey = new BookingJourney(_client);
        var done = Text(await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(await journey.UpToReviewAsync("2026-12-10T14:00Z")))));
        var manage = ManageLinkOf(done);

        var reschedule = Text(await _client.GetStringAsync(manage + "/reschedule?date=2026-12-08"));
        var moved = await _client.PostFormAsync(manage + "/reschedule?date=2026-12-08", manage + "/reschedule",
            new Dictionary<string, string> { ["Start"] = "2026-12-08T14:00Z" });

        Assert.Contains("14:00 to 15:00 with Sarah, changes by phone only", reschedule, StringComparison.Ordinal);
        Assert.Contains("once you book one, or move your booking to one, you can change or cancel it only by phoning us", reschedule, StringComparison.Ordinal);
        Assert.Equal(manage + "?message=moved", BookingSite.Location(moved));
        var movedTo = BookingSite.Utc("2026-12-08T14:00Z");
        var email = await _site.WithDbAsync(db => db.OutboxMessages.AsNoTracking()
            .SingleAsync(m => m.Kind == EmailKind.Rescheduled && db.Bookings.Any(a => a.Id == m.BookingId && a.StartUtc == movedTo)));
        Assert.Contains("This booking is less than 48 hours away, so it can no longer be moved or cancelled online.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("less than 48 hours away, so it can't be changed online", Text(await _client.GetStringAsync(manage + "?message=moved")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/treatments")]
    [InlineData("/privacy")]
    [InlineData("/articles/your-first-one-hour-treatment")]
    [InlineData("/articles/why-no-stand-alone-back-massage")]
    public async Task No_public_page_promises_24_hours(string path) => NoTwentyFourHours(Text(await _client.GetStringAsync(path)));

    private static void NoTwentyFourHours(string text)
    {
        Assert.DoesNotContain("24 hours", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("24-hour", text, StringComparison.OrdinalIgnoreCase);
    }

    private Task<OutboxMessage> ConfirmationAsync(string start)
    {
        var startUtc = BookingSite.Utc(start);
        return _site.WithDbAsync(async db =>
        {
            var booking = await db.Bookings.AsNoTracking().SingleAsync(a => a.StartUtc == startUtc);
            return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.BookingId == booking.Id && m.Kind == EmailKind.Confirmation);
        });
    }

    private static string ManageLinkOf(string donePage)
    {
        var match = ManageLink().Match(donePage);
        Assert.True(match.Success, "No manage link on the confirmation page");
        return match.Groups[1].Value;
    }

    private static string Text(string html) => PageText.Of(html);

    [GeneratedRegex("(/booking/[A-Za-z0-9_-]{43})")]
    private static partial Regex ManageLink();
}
