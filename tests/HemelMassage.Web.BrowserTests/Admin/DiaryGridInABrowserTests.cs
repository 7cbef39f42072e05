using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Therapists;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

/// <summary>
/// The diary grid in Chromium: dragging a booking with the mouse, the same work by keyboard, and axe on the day
/// grid, week grid and list at tablet (768 px) and phone (390 px) widths. Days are chosen by rule: the first
/// Tuesday at least two days after the site's today, when Sarah (09:00-13:00, 14:00-18:00) and James
/// (11:00-15:00, 15:30-20:00) both work.
/// </summary>
public sealed class DiaryGridInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "lantern orbit kettle velvet";
    private static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    [BrowserFact]
    public async Task A_booking_dragged_to_a_free_hour_moves_and_one_dropped_on_an_hour_taken_meanwhile_says_why()
    {
        var day = Tuesday(0);
        await AddBookingAsync(day, 10, therapistId: 1, "Mia Mouse");
        var page = await SignedInAsync(Browser.Desktop);
        await page.GotoAsync($"/admin/diary?date={day:yyyy-MM-dd}");
        await AddBookingAsync(day, 16, therapistId: 2, "Tess Taken", minute: 30);

        await DragAsync(page, page.Locator(".booking", new() { HasText = "Mia Mouse" }), Free(page, 2, day, "16:30"));

        await Assertions.Expect(page.Locator("#grid-message")).ToContainTextAsync("James already has a booking");
        await Assertions.Expect(page.Locator("#grid-message")).ToContainTextAsync("Nothing was changed.");
        await Screenshots.TakeAsync(page, "diary-drag-refused-desktop");

        await DragAsync(page, page.Locator(".booking", new() { HasText = "Mia Mouse" }), Free(page, 2, day, "12:00"));

        await Assertions.Expect(page.Locator("#grid-message")).ToContainTextAsync("with James", new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("td[data-therapist=\"1\"][data-time=\"10:00\"]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("td.booked", new() { HasText = "Mia Mouse" })).ToContainTextAsync("12:00–13:00");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task By_keyboard_a_free_hour_opens_the_filled_phone_form_and_a_booking_opens_its_move_form()
    {
        var day = Tuesday(1);
        var id = await AddBookingAsync(day, 10, therapistId: 1, "Kit Keys");
        var page = await SignedInAsync(Tablet);
        await page.GotoAsync($"/admin/diary?date={day:yyyy-MM-dd}");

        await Steps.TabToAsync(page, $"td[data-therapist=\"2\"][data-time=\"12:00\"] a", limit: 200);
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, "^/admin/bookings/new$");
        await Assertions.Expect(page.GetByLabel("Therapist (required)", new() { Exact = true })).ToHaveValueAsync("2");
        await Assertions.Expect(page.GetByLabel("Day (required)", new() { Exact = true })).ToHaveValueAsync($"{day:yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("input[name=Time][value='12:00']")).ToBeCheckedAsync();

        await page.GotoAsync($"/admin/diary?date={day:yyyy-MM-dd}");
        await Steps.TabToAsync(page, $"a[href=\"/admin/bookings/{id}\"]", limit: 200);
        await Steps.PressEnterAsync(page);
        Steps.AssertAt(page, $"^/admin/bookings/{id}$");
        await page.Locator("#Move_TherapistId").SelectOptionAsync("2");
        await page.Locator("#Move_Time").FillAsync("12:00");
        await page.Locator("#Move_Time").FocusAsync();
        await Steps.PressEnterAsync(page);

        await Assertions.Expect(page.Locator(".notice.success")).ToContainTextAsync("with James");
        await page.GotoAsync($"/admin/diary?date={day:yyyy-MM-dd}");
        await Assertions.Expect(page.Locator("td.booked", new() { HasText = "Kit Keys" })).ToContainTextAsync("12:00–13:00");
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_day_grid_week_grid_and_list_have_no_accessibility_violations_on_a_tablet_or_a_phone()
    {
        var day = Tuesday(2);
        await AddBookingAsync(day, 10, therapistId: 1, "Ada Axe");
        await AddBookingAsync(day, 14, therapistId: 2, "Ben Blocks");
        await AddTimeOffAsync(3, day.AddDays(1), "Training course");
        foreach (var (viewport, size) in new[] { (Tablet, "tablet"), (Browser.Phone, "phone") })
        {
            var page = await SignedInAsync(viewport);
            foreach (var (path, name) in new[]
            {
                ($"/admin/diary?date={day:yyyy-MM-dd}", "diary-day"), ($"/admin/diary/week?therapist=3&date={day:yyyy-MM-dd}", "diary-week"),
                ($"/admin/diary/list?date={day:yyyy-MM-dd}", "diary-list"),
            })
            {
                Assert.Equal(200, (await page.GotoAsync(path))!.Status);
                await Accessibility.AssertNoViolationsAsync(page);
                await Screenshots.TakeAsync(page, $"{name}-{size}");
            }
            await page.Context.CloseAsync();
        }
    }

    private DateOnly Tuesday(int weeks)
    {
        var day = live.Today.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Tuesday)
        {
            day = day.AddDays(1);
        }
        return day.AddDays(7 * weeks);
    }

    /// <summary>
    /// A drag as a hand makes it: press, a small move that starts the drag, then on to the target. Playwright's
    /// DragToAsync moves in one step, and Chromium then began the drag at the target's own link.
    /// </summary>
    private static async Task DragAsync(IPage page, ILocator source, ILocator target)
    {
        await source.ScrollIntoViewIfNeededAsync();
        var from = (await source.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + 8, from.Y + 8);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + 20, from.Y + 20, new() { Steps = 3 });
        await target.ScrollIntoViewIfNeededAsync();
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(to.X + to.Width / 2, to.Y + to.Height / 2, new() { Steps = 5 });
        await page.Mouse.UpAsync();
    }

    private static ILocator Free(IPage page, int therapistId, DateOnly day, string time) =>
        page.Locator($"td.free[data-therapist=\"{therapistId}\"][data-date=\"{day:yyyy-MM-dd}\"][data-time=\"{time}\"]");

    private async Task<IPage> SignedInAsync(ViewportSize viewport)
    {
        var email = $"reception-{Guid.NewGuid():n}@example.com";
        using (var scope = live.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, DisplayName = "Rita Reception" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, StaffRoles.Reception);
        }
        var page = await live.NewPageAsync(viewport);
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await Steps.ContinueAsync(page, "Sign in");
        return page;
    }

    private async Task<int> AddBookingAsync(DateOnly day, int hour, int therapistId, string name, int minute = 0)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var booking = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = therapistId, TreatmentId = 1,
            Client = new Client { Name = name, Email = $"{Guid.NewGuid():n}@example.com", Phone = "07700 900123", CreatedAtUtc = now },
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booking.Move(ClinicTime.ToUtc(day.ToDateTime(new TimeOnly(hour, minute))));
        booking.Changes.Add(new BookingChange { AtUtc = now, By = "client", What = "Booked online" });
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    }

    private async Task AddTimeOffAsync(int therapistId, DateOnly day, string reason)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.TimeOff.Add(new TimeOff
        {
            TherapistId = therapistId, Reason = reason,
            StartUtc = ClinicTime.ToUtc(day.ToDateTime(new TimeOnly(9, 0))), EndUtc = ClinicTime.ToUtc(day.ToDateTime(new TimeOnly(18, 0))),
        });
        await db.SaveChangesAsync();
        scope.ServiceProvider.GetRequiredService<ScheduleCache>().Invalidate();
    }
}
