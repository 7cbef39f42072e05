using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Booking;

public sealed class ConfirmationPageTests(BookingSite site) : IClassFixture<BookingSite>
{
    private readonly HttpClient _client = site.CreatePageClient();

    private async Task<string> ConfirmAsync(string start, string email)
    {
        var journey = new BookingJourney(_client);
        var details = BookingSite.Location(await journey.ChooseAsync(start));
        var review = BookingSite.Location(await _client.PostFormAsync(details, details, BookingJourney.Details(email: email)));
        return await _client.GetStringAsync(BookingSite.Location(await journey.ConfirmAsync(review.Split('/')[^1])));
    }

    [Fact]
    public async Task The_confirmation_says_where_the_email_went_that_the_link_is_in_it_what_to_bring_and_until_when_it_can_be_changed()
    {
        var page = PageText.Of(await ConfirmAsync("2026-12-10T10:00Z", "ann@example.com"));

        Assert.Contains("What happens next We are emailing your confirmation to ann@example.com; it should arrive within a few minutes.", page, StringComparison.Ordinal);
        Assert.Contains("It has your booking, a calendar invitation and your own link to view your booking, change it or cancel it.", page, StringComparison.Ordinal);
        Assert.Contains("Nothing there? Check your spam folder, or call us on 01442 000000.", page, StringComparison.Ordinal);
        Assert.Contains("What to bring Comfortable clothes, a list of any medicines you take", page, StringComparison.Ordinal);
        Assert.Contains("You can change or cancel online until Wednesday 9 December at 10:00 (24 hours before it starts); after that, please phone us.", page, StringComparison.Ordinal);
        Assert.Contains("Your link is in the email; here it is too.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_booking_inside_the_cut_off_is_confirmed_with_the_phone_number_to_change_it_and_no_promise_of_online_changes()
    {
        var page = PageText.Of(await ConfirmAsync("2026-12-07T14:00Z", "bea@example.com"));

        Assert.Contains("This booking is less than 24 hours away, so it can't be changed or cancelled online. To change it, please phone us on 01442 000000.", page, StringComparison.Ordinal);
        Assert.Contains("your own link to view your booking.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("You can change or cancel online", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_email_address_may_wrap_only_before_its_at_sign_and_dots()
    {
        var html = await ConfirmAsync("2026-12-11T10:00Z", "margaret.wilkinson-smythe@physiotherapy-partners.example.co.uk");

        Assert.Contains("<strong><span class=\"email\">margaret<wbr>.wilkinson-smythe<wbr>@physiotherapy-partners<wbr>.example<wbr>.co<wbr>.uk</span></strong>", html, StringComparison.Ordinal);
    }
}
