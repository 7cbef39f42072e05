using HemelMassage.Web.Bookings;
using HemelMassage.Web.BrowserTests.Support;
using HemelMassage.Web.Clients;
using HemelMassage.Web.Clinic;
using HemelMassage.Web.Data;
using HemelMassage.Web.Email;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace HemelMassage.Web.BrowserTests.Admin;

/// <summary>The booking page's status actions by keyboard, and the booking page and /admin/emails on a tablet and a phone.</summary>
public sealed class BookingDeskInABrowserTests(LiveSite live) : IClassFixture<LiveSite>
{
    private static readonly ViewportSize Tablet = new() { Width = 768, Height = 1024 };

    [BrowserFact]
    public async Task The_owner_marks_a_client_arrived_and_undoes_it_by_keyboard_and_the_pages_pass_axe_on_a_tablet_and_a_phone()
    {
        var bookingId = await StartedBookingAsync();
        var owner = await live.Site.CreateStaffAsync(StaffRoles.Owner);

        foreach (var (viewport, size) in new[] { (Tablet, "tablet"), (Browser.Phone, "phone") })
        {
            var page = await live.NewPageAsync(viewport);
            await page.GotoAsync("/admin/account/sign-in");
            await page.GetByLabel("Email").FillAsync(owner.Email!);
            await page.GetByLabel("Password").FillAsync(StaffHelpers.GoodPassword);
            await Steps.ContinueAsync(page, "Sign in");

            await page.GotoAsync($"/admin/bookings/{bookingId}");
            await Accessibility.AssertNoViolationsAsync(page);
            await Steps.TabToAsync(page, "form[action$='/mark/arrived'] button");
            await Steps.PressEnterAsync(page);
            await Assertions.Expect(page.Locator("#status-heading")).ToContainTextAsync("Arrived");
            await Accessibility.AssertNoViolationsAsync(page);

            await Steps.TabToAsync(page, "form[action$='/mark/undo'] button");
            await Steps.PressEnterAsync(page);
            await Assertions.Expect(page.Locator("#status-heading")).ToContainTextAsync("Booked");
            Assert.Equal(BookingStatus.Booked, await StatusAsync(bookingId));

            await page.GotoAsync("/admin/emails");
            await Assertions.Expect(page.GetByText("550 no such mailbox")).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.GetByLabel("Client name, email address or booking reference").FillAsync("Della Desk");
            await Steps.PressEnterAsync(page);
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new("Send again") })).ToBeVisibleAsync();
            await Accessibility.AssertNoViolationsAsync(page);
            await page.Context.CloseAsync();
        }
    }

    /// <summary>A booking that began at the top of this hour, clinic time, and a failed email to its client.</summary>
    private async Task<int> StartedBookingAsync()
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        var now = live.Clock.GetUtcNow().UtcDateTime;
        var local = ClinicTime.ToLocal(now);
        var booked = new Booking
        {
            Reference = Secrets.NewReference(), TherapistId = 2, TreatmentId = 1,
            Client = new Client { Name = "Della Desk", Email = "della@example.com", Phone = "07700 900789", FirstVisit = true, CreatedAtUtc = now },
            IdempotencyKey = Secrets.NewToken(), ManageTokenHash = Secrets.Hash(Secrets.NewToken()), CalendarUid = Guid.NewGuid(),
            CreatedAtUtc = now, UpdatedAtUtc = now,
        };
        booked.Move(ClinicTime.ToUtc(local.Date.AddHours(local.Hour)));
        db.Bookings.Add(booked);
        await db.SaveChangesAsync();
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = Guid.NewGuid() + "@test", Kind = EmailKind.Confirmation, BookingId = booked.Id, ToAddress = "della@example.com", ToName = "Della Desk",
            Subject = "Booking confirmed", TextBody = "x", HtmlBody = "x", Status = OutboxStatus.Failed, Attempts = 8,
            LastError = "550 no such mailbox", NextAttemptAt = now, CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return booked.Id;
    }

    private async Task<BookingStatus> StatusAsync(int id)
    {
        using var scope = live.Site.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClinicDbContext>();
        return (await db.Bookings.AsNoTracking().SingleAsync(a => a.Id == id)).Status;
    }
}
