using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Intake;

public sealed class BodyMapInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "kettle orbit velvet lantern";

    public static TheoryData<string> Sizes => new() { "phone", "desktop" };

    [BrowserTheory]
    [MemberData(nameof(Sizes))]
    public async Task Tapping_the_figure_ticks_the_same_checkboxes_the_details_step_passes_axe_and_the_therapist_sees_the_map(string size)
    {
        var page = await live.NewPageAsync(size == "phone" ? Browser.Phone : Browser.Desktop);
        var email = $"map-{size}-{Guid.NewGuid():n}@example.com";
        await ToDetailsAsync(page);
        await Accessibility.AssertNoViolationsAsync(page);

        // The figure is only a picture for assistive technology; a tap on it ticks the real checkbox.
        await page.Locator("svg [data-region=lower-back]").ClickAsync();
        await page.Locator("svg [data-region=hamstrings-left]").ClickAsync();
        // The list folds away once the figure works; opening it shows the same boxes ticked.
        await page.Locator("#region-list > summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Right hip flexor (front of hip)" }).CheckAsync();
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "Lower back" }).IsCheckedAsync());
        Assert.True(await page.GetByRole(AriaRole.Checkbox, new() { Name = "Left back of thigh (hamstrings)" }).IsCheckedAsync());
        await Assertions.Expect(page.Locator("svg [data-region=hip-flexors-right]")).ToHaveClassAsync("on");
        await page.Locator("svg [data-region=hamstrings-left]").ClickAsync();
        Assert.False(await page.GetByRole(AriaRole.Checkbox, new() { Name = "Left back of thigh (hamstrings)" }).IsCheckedAsync());
        await page.Locator("svg [data-region=hamstrings-left]").ClickAsync();
        await page.GetByLabel("How strong is it").SelectOptionAsync("6");
        await page.Locator("#region-list > summary").ClickAsync();
        await Screenshots.TakeAsync(page.Locator("#where"), $"intake-map-{size}");

        await page.Locator("#health > summary").ClickAsync();
        await page.GetByRole(AriaRole.Checkbox, new() { NameRegex = new("^I agree that Hemel Massage may keep") }).CheckAsync();
        foreach (var fieldset in await page.Locator("fieldset.question").AllAsync())
        {
            await fieldset.GetByRole(AriaRole.Radio, new() { Name = "No" }).CheckAsync();
        }
        await page.Locator("#Answers-thinners").GetByRole(AriaRole.Radio, new() { Name = "Yes" }).CheckAsync();
        // Always scanned: the most of this step any test shows (PhoneSizedTests and BookingStepsInABrowserTests skip
        // their scans of less of it once this has passed).
        await Accessibility.AssertNoViolationsAsync(page, $"details-health-open-{size}");
        await Screenshots.TakeAsync(page, $"intake-details-{size}");
        await Steps.FillDetailsAsync(page, email);
        await Steps.ContinueAsync(page, "Continue to check your booking");
        await Assertions.Expect(page.Locator("dl.summary").Last).ToContainTextAsync("Lower back, Right hip flexor (front of hip), Left back of thigh (hamstrings)");
        await Steps.ContinueAsync(page, "Confirm booking");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your booking is confirmed" })).ToBeVisibleAsync();

        var staff = await live.NewPageAsync(size == "phone" ? Browser.Phone : Browser.Desktop);
        await SignInAsOwnerAsync(staff);
        await staff.GotoAsync("/admin/clients?q=" + Uri.EscapeDataString(email));
        await Steps.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Ann Client" }).First);
        await Steps.FollowAsync(staff, staff.Locator("main li > a[href^='/admin/bookings/']").First);
        await Assertions.Expect(staff.Locator(".flag", new() { HasTextString = "Talk first" }).First).ToBeVisibleAsync();
        // A "talk first" intake also asks the therapist to review the plan or refer, with a link to the progress.
        await Assertions.Expect(staff.Locator(".flag", new() { HasTextString = "Review the plan or refer" })).ToBeVisibleAsync();
        await Assertions.Expect(staff.Locator("svg [data-region=lower-back]")).ToHaveClassAsync("on");
        await Accessibility.AssertNoViolationsAsync(staff);
        await staff.Locator("#intake").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(staff, $"intake-booking-{size}");
        await Steps.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "Back to the diary for that day" }));
        await Assertions.Expect(staff.Locator(".diary-grid").GetByText("Talk first").First).ToBeVisibleAsync();
        // The day sheet with each client's map is the diary's list view.
        await Steps.FollowAsync(staff, staff.GetByRole(AriaRole.Link, new() { Name = "List view" }));
        await Assertions.Expect(staff.Locator(".sheet-intake .flag").First).ToHaveTextAsync("Talk first");
        await Accessibility.AssertNoViolationsAsync(staff);
        await Screenshots.TakeAsync(staff, $"intake-day-sheet-{size}");
        await page.Context.CloseAsync();
        await staff.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_map_works_with_the_keyboard_alone()
    {
        var page = await live.NewPageAsync(Browser.Desktop);
        var scripts = new List<IResponse>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script")
            {
                scripts.Add(response);
            }
        };
        await ToDetailsAsync(page);
        // The booking journey's budget: at most 10 KB of JavaScript; the map's toggle is the only script.
        var bytes = 0;
        foreach (var script in scripts)
        {
            bytes += (await script.BodyAsync()).Length;
        }
        Assert.Single(scripts);
        Assert.InRange(bytes, 1, 10 * 1024);

        await Steps.TabToAsync(page, "#Name");
        await page.Keyboard.TypeAsync("Kay Board");
        await Steps.TabToAsync(page, "#Email");
        await page.Keyboard.TypeAsync($"keys-map-{Guid.NewGuid():n}@example.com");
        await Steps.TabToAsync(page, "#Phone");
        await page.Keyboard.TypeAsync("07700 900123");
        await Steps.TabToAsync(page, "input[name=Visit]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "input[name=HealthConsent]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "#region-list > summary");
        await page.Keyboard.PressAsync("Enter");
        await Steps.TabToAsync(page, "#region-calves-right");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "#region-lower-back");
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("svg [data-region=lower-back]")).ToHaveClassAsync("on");
        await Steps.TabToAsync(page, "input[name=AcceptPolicy]");
        await page.Keyboard.PressAsync("Space");
        await Steps.TabToAsync(page, "button[type=submit]");
        await Steps.PressEnterAsync(page);

        Steps.AssertAt(page, "^/book/review/");
        await Assertions.Expect(page.Locator("dl.summary").Last).ToContainTextAsync("Lower back, Right calf");
        await page.Context.CloseAsync();
    }

    private async Task ToDetailsAsync(IPage page)
    {
        await page.GotoAsync("/book");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Sports and remedial massage" }).CheckAsync();
        await Steps.ContinueAsync(page);
        await page.GetByRole(AriaRole.Radio, new() { Name = "No preference" }).CheckAsync();
        await Steps.ContinueAsync(page);
        await Steps.OpenDayAsync(page, live.Today.AddDays(3));
        await page.Locator("input[name=Start]").First.CheckAsync();
        await Steps.ContinueAsync(page, "Continue with this time");
        Steps.AssertAt(page, "^/book/details/");
    }

    private async Task SignInAsOwnerAsync(IPage page)
    {
        var email = $"owner-{Guid.NewGuid():n}@example.com";
        using (var scope = live.Site.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = new StaffUser { UserName = email, Email = email, DisplayName = "Olive Owner" };
            Assert.True((await users.CreateAsync(user, Password)).Succeeded);
            await users.AddToRoleAsync(user, StaffRoles.Owner);
        }
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await Steps.ContinueAsync(page, "Sign in");
        Steps.AssertAt(page, "^/admin$");
    }
}
