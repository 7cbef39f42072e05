using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Journeys;

public sealed class BookingJourneyTests(LiveSite live) : IClassFixture<LiveSite>
{
    public static TheoryData<string> Sizes => new() { "phone", "desktop" };

    [BrowserTheory]
    [MemberData(nameof(Sizes))]
    public async Task A_client_reads_the_back_massage_article_books_an_hour_gets_the_email_then_reschedules_and_cancels_from_its_link(string size)
    {
        var page = await live.NewPageAsync(size == "phone" ? Browser.Phone : Browser.Desktop);
        var email = $"ann-{size}-{Guid.NewGuid():n}@example.com";

        await page.GotoAsync("/articles/why-no-stand-alone-back-massage");
        await LookAsync(page, $"article-{size}");
        await Steps.FollowAsync(page, page.Locator("main").GetByRole(AriaRole.Link, new() { Name = "Book a one-hour treatment" }).First);
        Steps.AssertAt(page, "^/book$");

        await LookAsync(page, $"book-1-treatment-{size}");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sports and remedial massage" }).CheckAsync();
        await Steps.ContinueAsync(page);

        await LookAsync(page, $"book-2-therapist-{size}");
        await page.GetByRole(AriaRole.Radio, new() { Name = "No preference" }).CheckAsync();
        await Steps.ContinueAsync(page);

        // Two days on or more: every hour of such a day is outside the 24-hour cut-off, so it can be changed online.
        var day = await Steps.OpenDayAsync(page, live.Today.AddDays(2));
        var times = await Steps.TimeNamesAsync(page);
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.Matches(Steps.FullTimeLabel(), t));
        var chosen = page.GetByRole(AriaRole.Radio, new() { Name = times[0], Exact = true });
        Assert.Equal(1, await chosen.CountAsync());
        await LookAsync(page, $"book-3-times-{size}");
        await chosen.CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");

        await Steps.ContinueAsync(page, "Continue to check your booking");
        await AssertErrorsAreTiedToFieldsAsync(page);
        await LookAsync(page, $"book-4-details-errors-{size}");
        await Steps.FillDetailsAsync(page, email);
        await Steps.ContinueAsync(page, "Continue to check your booking");

        await LookAsync(page, $"book-5-review-{size}");
        await Steps.ContinueAsync(page, "Confirm booking");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is confirmed" })).ToBeVisibleAsync();
        await LookAsync(page, $"book-6-confirmation-{size}");

        var confirmation = await live.EmailAsync(email, "Booking confirmed: ");
        Assert.Equal(email, confirmation.To.Mailboxes.Single().Address);
        Assert.EndsWith($", {StartOf(times[0])} at Hemel Massage", confirmation.Subject, StringComparison.Ordinal);
        var manage = Steps.ManagePath(confirmation);
        await page.GotoAsync(manage);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new("^Your booking HM-") })).ToBeVisibleAsync();
        await LookAsync(page, $"manage-{size}");

        await Steps.FollowAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Choose another time" }));
        // Another hour of the same day, so the moved booking too is outside the cut-off and can be cancelled online.
        Assert.Equal(day, await Steps.OpenDayAsync(page, day));
        var others = await Steps.TimeNamesAsync(page);
        var another = others.First(t => t != times[0] && !t.EndsWith("changes by phone only", StringComparison.Ordinal));
        await Accessibility.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = another, Exact = true }).CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Your booking has been moved.");
        await Assertions.Expect(page.Locator("dl.summary")).ToContainTextAsync(another.Split(" with ")[0]);
        var moved = await live.EmailAsync(email, "Booking moved: now ");
        Assert.EndsWith($", {StartOf(another)} at Hemel Massage", moved.Subject, StringComparison.Ordinal);

        await Steps.ContinueAsync(page, "Cancel this booking");
        await Accessibility.AssertNoViolationsOnceAsync(page, $"cancel-question-{size}");
        await Steps.ContinueAsync(page, "Yes, cancel this booking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is cancelled" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsOnceAsync(page, $"cancelled-{size}");
        await live.EmailAsync(email, "Booking cancelled: ");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_client_books_with_the_keyboard_alone()
    {
        var page = await live.NewPageAsync(Browser.Desktop);
        var email = $"keys-{Guid.NewGuid():n}@example.com";
        await page.GotoAsync("/book");

        await Steps.TabToAsync(page, "input[name=treatment]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "button[type=submit]");
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/book/therapist");

        await Steps.TabToAsync(page, "input[name=therapist]");
        await page.Keyboard.PressAsync("Space");
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = "No preference" }).IsCheckedAsync());
        await Steps.TabToAsync(page, "button[type=submit]");
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/book/times");

        await Steps.TabToAsync(page, "input[name=Start]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "button[type=submit]");
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/book/details/");

        // A failed post first: focus lands on the error summary, and its links lead to the fields.
        await Steps.TabToAsync(page, "form#details button[type=submit]");
        await Steps.PressEnterAsync(page);
        await AssertErrorsAreTiedToFieldsAsync(page);

        await Steps.TabToAsync(page, "#Name");
        await page.Keyboard.TypeAsync("Kay Board");
        await Steps.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync(email);
        await Steps.TabToAsync(page, "#Phone");
        await page.Keyboard.TypeAsync("07700 900123");
        await Steps.TabToAsync(page, "input[name=Visit]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "input[name=AcceptPolicy]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "form#details button[type=submit]");
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/book/review/");

        await Steps.TabToAsync(page, "button[type=submit]");
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/book/done/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is confirmed" })).ToBeVisibleAsync();
        var manage = Steps.ManagePath(await live.EmailAsync(email, "Booking confirmed: "));

        // Inside the cut-off the page says to phone: bring this booking to three hours from now, as if the day had come.
        MoveToThreeHoursAhead(email);
        await page.GotoAsync(manage);
        await Assertions.Expect(page.GetByText("less than 24 hours away")).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel this booking" }).CountAsync());
        await LookAsync(page, "manage-cut-off-desktop");
        await page.Context.CloseAsync();
    }

    private void MoveToThreeHoursAhead(string email)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var booking = db.Bookings.Single(a => a.Client!.Email == email);
        var now = live.Clock.GetUtcNow().UtcDateTime;
        booking.Move(new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(3));
        db.SaveChanges();
    }

    [BrowserFact]
    public async Task Two_clients_race_for_the_same_last_hour_one_wins_and_the_other_is_told_kindly_with_fresh_times()
    {
        var pages = new[] { await live.NewPageAsync(Browser.Phone), await live.NewPageAsync(Browser.Desktop) };
        string? time = null;
        foreach (var (page, i) in pages.Select((p, i) => (p, i)))
        {
            await page.GotoAsync("/book?treatment=deep-tissue");
            await Steps.ContinueAsync(page);
            await page.GetByRole(AriaRole.Radio, new() { Name = "No preference" }).CheckAsync();
            await Steps.ContinueAsync(page);
            // Four days on: a day no other journey here books, the same for both clients.
            await Steps.OpenDayAsync(page, live.Today.AddDays(4));
            // With no preference, an hour only one therapist has free ("with James", not "with Sarah or James") is the last free one.
            time ??= (await Steps.TimeNamesAsync(page)).First(t => !t.Contains(" or ", StringComparison.Ordinal));
            await page.GetByRole(AriaRole.Radio, new() { Name = time, Exact = true }).CheckAsync();
            await Steps.ContinueAsync(page, "Continue with this time");
            await Steps.FillDetailsAsync(page, $"racer{i}-{Guid.NewGuid():n}@example.com");
            await Steps.ContinueAsync(page, "Continue to check your booking");
        }

        await Task.WhenAll(pages.Select(p => Steps.ContinueAsync(p, "Confirm booking")));

        var won = pages.Where(p => p.Url.Contains("/book/done/", StringComparison.Ordinal)).ToList();
        var lost = Assert.Single(pages, p => p.Url.Contains("/book/times", StringComparison.Ordinal));
        Assert.Single(won);
        await Assertions.Expect(lost.GetByRole(AriaRole.Status)).ToContainTextAsync("Sorry, that time has just been taken. Here are the times still free.");
        Assert.Equal(0, await lost.GetByRole(AriaRole.Radio, new() { Name = time!, Exact = true }).CountAsync());
        Assert.NotEmpty(await Steps.TimeNamesAsync(lost));
        await LookAsync(lost, "book-taken");
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }

    [BrowserFact]
    public async Task A_link_that_is_not_valid_says_so_kindly()
    {
        var page = await live.NewPageAsync(Browser.Phone);
        var response = await page.GotoAsync("/booking/not-a-real-token-at-all-0000000000");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This link is not valid" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Axe finds nothing (once a run for each page, state and size: the article is also a public page), nothing
    /// scrolls sideways, and with HEMEL_SCREENSHOTS=1 a screenshot is kept to look at.
    /// </summary>
    private static async Task LookAsync(IPage page, string name)
    {
        await Accessibility.AssertNoViolationsOnceAsync(page, name);
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, innerWidth]");
        var (scroll, width) = (sizes[0], sizes[1]);
        Assert.True(scroll <= width, $"{page.Url} is {scroll} px wide in a {width} px window: it scrolls sideways.");
        await Screenshots.TakeAsync(page, name);
    }

    /// <summary>"10:30" from "Tuesday 1 December, 10:30 to 11:30 with Sarah".</summary>
    private static string StartOf(string label) => label.Split(", ")[1][..5];

    private static async Task AssertErrorsAreTiedToFieldsAsync(IPage page)
    {
        var summary = page.Locator(".error-summary");
        await Assertions.Expect(summary).ToBeFocusedAsync();
        foreach (var field in new[] { "Name", "Email", "Phone" })
        {
            var input = page.Locator("#" + field);
            Assert.Contains(field + "-error", await input.GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
            Assert.Equal("true", await input.GetAttributeAsync("aria-invalid"));
            Assert.False(string.IsNullOrWhiteSpace(await page.Locator($"#{field}-error").InnerTextAsync()));
        }
        Assert.Contains("AcceptPolicy-error", await page.Locator("input[name=AcceptPolicy]").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
    }
}
