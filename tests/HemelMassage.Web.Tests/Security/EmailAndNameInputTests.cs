using System.Net;
using System.Text.RegularExpressions;
using HemelMassage.Web.Site;
using HemelMassage.Web.Staff;
using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Security;

/// <summary>One rule for every email field and one normaliser for every name field, proved through the forms that use them.</summary>
public sealed partial class EmailAndNameInputTests(BookingSite site) : IClassFixture<BookingSite>
{
    public static TheoryData<string> NotOnePlainMailbox =>
    [
        "\"><svg/onload=alert(4)>@example.com",
        "ann@example.com, bob@example.com",
        "ann@example.com;bob@example.com",
        "Ann Client <ann@example.com>",
        "\"ann client\"@example.com",
        "ann(comment)@example.com",
        "ann@example.com\r\nBcc: eve@example.com",
        "ann..client@example.com",
        ".ann@example.com",
        "ann.@example.com",
        "ann@@example.com",
        "ann@localhost",
        "ann@-example.com",
        "ann@example..com",
        "ann@example.com.",
        "ann@exam_ple.com",
        "ann@[127.0.0.1]",
        "ann@example.c",
        "ann\u202e@example.com",
    ];

    public static TheoryData<string> RealAddresses =>
    [
        "o'brien@example.co.uk",
        "ann+massage@example.com",
        "first.last@mail.example.org",
        "ANN.CLIENT@EXAMPLE.COM",
        "a@b.io",
        "user_name-1@xn--bcher-kva.example",
    ];

    [Theory]
    [MemberData(nameof(NotOnePlainMailbox))]
    public async Task An_address_that_is_not_one_plain_mailbox_is_refused_next_to_its_field_keeping_what_was_typed_and_storing_nothing(string email)
    {
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-16T10:00Z"));
        var fields = BookingJourney.Details(email: email);

        var response = await client.PostFormAsync(details, details, fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"Email-error\">Please enter an email address like name@example.com.", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("\"><svg/onload", html, StringComparison.Ordinal);
        Assert.Equal(0, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.Email == email || p.Email == email.Trim())));
    }

    [Theory]
    [MemberData(nameof(RealAddresses))]
    public async Task Addresses_people_really_have_are_taken_as_typed(string email)
    {
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-16T11:00Z"));

        var response = await client.PostFormAsync(details, details, BookingJourney.Details(email: " " + email + " "));

        Assert.StartsWith("/book/review/", BookingSite.Location(response), StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.Email == email)));
    }

    [Fact]
    public async Task A_phone_booking_and_a_staff_invitation_refuse_the_same_address_and_the_create_owner_command_too()
    {
        const string Hostile = "\"><svg/onload=alert(4)>@example.com";
        var (owner, _) = await site.SignedInAsAsync("Owner");

        var form = await owner.GetStringAsync("/admin/bookings/new");
        var phone = await owner.PostWithTokenAsync("/admin/bookings/new", Forms.Token(form), new Dictionary<string, string>
        {
            ["Key"] = KeyField().Match(form).Groups[1].Value, ["Name"] = "Phil Phone", ["Email"] = Hostile, ["Phone"] = "01442 000000",
            ["TreatmentId"] = "1", ["TherapistId"] = "1", ["Date"] = "2026-12-17", ["Time"] = "10:00",
        });
        var invite = await owner.PostFormAsync("/admin/staff", "/admin/staff/invite",
            new() { ["Invite.DisplayName"] = "Sam Therapist", ["Invite.Email"] = Hostile, ["Invite.Role"] = "Therapist" });

        foreach (var refused in new[] { phone, invite })
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("Enter an email address like name@example.com.", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.False(await site.WithDbAsync(db => db.Clients.AnyAsync(c => c.Email.Contains("svg"))));
        Assert.False(await site.WithDbAsync(db => db.Users.AnyAsync(u => u.Email!.Contains("svg"))));
        Assert.False(await site.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.ToAddress.Contains("svg"))));

        await using var scope = site.Services.CreateAsyncScope();
        var output = new StringWriter();
        var command = new StaffCommands(scope.ServiceProvider.GetRequiredService<StaffAccounts>(),
            scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>(), output);
        Assert.Equal(2, await command.CreateOwnerAsync(Hostile));
        Assert.Contains("Usage: create-owner you@example.com", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(new FirstOwnerFormValidator().Validate(new FirstOwnerForm { Email = Hostile }).Errors, e => e.PropertyName == nameof(FirstOwnerForm.Email));
    }

    [Fact]
    public async Task A_name_loses_bidi_overrides_and_invisible_characters_on_the_page_in_the_database_and_in_every_form()
    {
        // "Ann" + right-to-left override + zero-width space + "Client" + isolate + BOM + bell, and a tab.
        const string Typed = "Ann\u202e\u200b Cli\u00adent\u2066\ufeff\u0007\tSmith\u200f";
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-16T14:00Z"));

        var review = BookingSite.Location(await client.PostFormAsync(details, details, BookingJourney.Details(name: Typed)));

        Assert.Contains("<dd>Ann Client Smith</dd>", await client.GetStringAsync(review), StringComparison.Ordinal);
        Assert.Equal(1, await site.WithDbAsync(db => db.PendingBookings.CountAsync(p => p.Name == "Ann Client Smith")));
        Assert.Equal("Ann Client Smith", new PhoneBooking.PhoneBookingForm { Name = Typed }.Name);
        Assert.Equal("Ann Client Smith", new InviteForm { DisplayName = Typed }.DisplayName);
        Assert.Equal("Ann Client Smith", new FirstOwnerForm { DisplayName = Typed }.DisplayName);
        Assert.Equal("Ann Client Smith", new Therapists.TherapistForm { Name = Typed }.Name);
    }

    [Fact]
    public async Task A_name_of_nothing_but_invisible_characters_is_asked_for_again()
    {
        var client = site.CreatePageClient();
        var details = BookingSite.Location(await new BookingJourney(client).ChooseAsync("2026-12-16T15:00Z"));

        var response = await client.PostFormAsync(details, details, BookingJourney.Details(name: "\u202e\u200b\u2060 \u3164"));

        Assert.Contains("id=\"Name-error\">Please enter your name.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoë O'Brien-Smith", "Zoë O'Brien-Smith")]
    [InlineData("Zoe\u0308", "Zoë")]  // composed (NFC), so it matches the same name typed on another keyboard
    [InlineData("  Ann\u00a0\u00a0 Client\u2028", "Ann Client")]
    [InlineData("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645", "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645")]  // Persian keeps its zero-width non-joiner
    [InlineData("A\u200dnn", "Ann")]
    [InlineData("Ann\ud800Client", "AnnClient")]  // a lone surrogate
    public void The_name_normaliser_keeps_what_people_write_and_drops_what_nobody_can_see(string typed, string kept) =>
        Assert.Equal(kept, PersonName.Normalise(typed));

    [GeneratedRegex("name=\"Key\" value=\"([^\"]+)\"")]
    private static partial Regex KeyField();
}
