using System.Globalization;
using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Data;
using HemelMassage.Web.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

public sealed class PhoneBookingInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private const string Password = "lantern orbit kettle velvet";

    [BrowserFact]
    public async Task Reception_books_a_returning_caller_by_keyboard_alone_on_a_tablet_and_the_page_passes_axe_on_a_phone_too()
    {
        var email = await CreateReceptionistAsync();
        await AddClientAsync("Kim Keyboard", "kim@example.com", "07700 900888");
        var day = await FirstFreeDayAsync();
        var page = await live.NewPageAsync(new ViewportSize { Width = 768, Height = 1024 });
        await page.GotoAsync("/admin/account/sign-in");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await Steps.ContinueAsync(page, "Sign in");

        await page.GotoAsync($"/admin/bookings/new?therapist=1&treatment=1&date={day:yyyy-MM-dd}");
        await page.GetByLabel("Name, email, phone or booking reference").FocusAsync();
        await page.Keyboard.TypeAsync("+44 7700 900888");
        var pick = page.GetByRole(AriaRole.Link, new() { Name = "Book for Kim Keyboard" });
        await Assertions.Expect(pick).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(pick).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByLabel("Client's name (required)")).ToHaveValueAsync("Kim Keyboard");
        var firstHour = page.Locator("input[name=Time]").First;
        await firstHour.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(firstHour).ToBeCheckedAsync();

        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "phone-booking-tablet");
        await page.SetViewportSizeAsync(Browser.Phone.Width, Browser.Phone.Height);
        await Accessibility.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, "phone-booking-phone");

        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).FocusAsync();
        await Steps.PressEnterAsync(page);

        Steps.AssertAt(page, "^/admin/bookings/[0-9]+$");
        Assert.Equal("kim@example.com", await BookedEmailAsync());
        await page.Context.CloseAsync();
    }

    private async Task<DateOnly> FirstFreeDayAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var availability = scope.ServiceProvider.GetRequiredService<Availability>();
        var free = await availability.FreeTimesAsync(await availability.ScheduleAsync(), treatmentId: 1, therapistId: 1);
        return free.Dates[0];
    }

    private async Task AddClientAsync(string name, string email, string phone)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        db.Clients.Add(new Client { Name = name, Email = email, Phone = phone, CreatedAtUtc = live.Clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync();
    }

    private async Task<string> BookedEmailAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return await db.Bookings.AsNoTracking().OrderByDescending(a => a.Id).Select(a => a.Client!.Email).FirstAsync();
    }

    private async Task<string> CreateReceptionistAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = $"reception-{Guid.NewGuid():n}@example.com";
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Rae Reception" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, StaffRoles.Reception);
        return email;
    }
}
