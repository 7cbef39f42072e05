using HemelMassage.Web.Tests.Booking;
using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Site;

/// <summary>
/// The opening hours come from the therapists' weekly hours. Seeded: Monday Sarah 9-18 and Priya 9:30-17:30;
/// Tuesday to Friday Sarah 9-18, James 11-20 (Priya some days); Saturday James 9-16 and Priya 9:30-17:30; no Sundays.
/// </summary>
public sealed class OpeningHoursTests(BookingSite site) : IClassFixture<BookingSite>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/contact")]
    [InlineData("/privacy")]
    public async Task The_opening_hours_on_every_page_are_the_hours_the_therapists_work(string path)
    {
        var page = PageText.Of(await site.CreatePageClient().GetStringAsync(path));

        Assert.Contains("Opening hours Monday 09:00 to 18:00 Tuesday to Friday 09:00 to 20:00 Saturday 09:00 to 17:30 Sunday Closed", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_engines_hear_the_same_hours()
    {
        var home = await site.CreatePageClient().GetStringAsync("/");

        Assert.Contains("\"openingHours\":[\"Mo 09:00-18:00\",\"Tu-Fr 09:00-20:00\",\"Sa 09:00-17:30\"]", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hours_added_in_the_staff_area_show_in_the_footer_at_once()
    {
        using var own = new BookingSite();
        var (owner, _) = await own.SignedInAsAsync("Owner");
        var visitor = own.CreatePageClient();
        Assert.Contains("Sunday Closed", PageText.Of(await visitor.GetStringAsync("/")), StringComparison.Ordinal);

        await owner.PostFormAsync("/admin/therapists/1", "/admin/therapists/1/hours", new() { ["Hours.Day"] = "Sunday", ["Hours.Start"] = "10:00", ["Hours.End"] = "14:00" });

        Assert.Contains("Sunday 10:00 to 14:00", PageText.Of(await visitor.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_configuration_that_still_sets_opening_hours_by_hand_is_refused_at_start_up_saying_where_they_come_from()
    {
        using var configured = new SiteFactory()
            .With("Clinic:OpeningHours:0:Days", "Monday to Friday")
            .With("Clinic:OpeningHours:0:Hours", "9:00 to 20:00");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => configured.CreateClient());

        Assert.Contains("Clinic:OpeningHours is no longer used", failure.Message, StringComparison.Ordinal);
        Assert.Contains("therapists' weekly hours", failure.Message, StringComparison.Ordinal);
    }
}
