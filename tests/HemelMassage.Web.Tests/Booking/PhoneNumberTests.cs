using HemelMassage.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace HemelMassage.Web.Tests.Booking;

public sealed class PhoneNumberTests(BookingSite site) : IClassFixture<BookingSite>
{
    private readonly HttpClient _client = site.CreatePageClient();

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("01442 123456")]
    [InlineData("+44 7700 900123")]
    [InlineData("+44 (0)1442 123456")]
    [InlineData("0044 7700 900123")]
    [InlineData("+33 6 12 34 56 78")]
    [InlineData("0033 6 12 34 56 78")]
    [InlineData("+1 (555) 123-4567")]
    [InlineData("+353 87 123 4567")]
    [InlineData("+4915123456789")]
    public async Task A_phone_number_in_uk_national_or_international_form_is_accepted_as_typed(string phone)
    {
        var details = BookingSite.Location(await new BookingJourney(_client).ChooseAsync("2026-12-16T10:00Z"));
        var key = details.Split('/')[^1];

        var response = await _client.PostFormAsync(details, details, BookingJourney.Details(phone: phone));

        Assert.Equal("/book/review/" + key, BookingSite.Location(response));
        Assert.Equal(phone, await site.WithDbAsync(db => db.PendingBookings.Where(p => p.Key == key).Select(p => p.Phone).SingleAsync()));
    }
}
