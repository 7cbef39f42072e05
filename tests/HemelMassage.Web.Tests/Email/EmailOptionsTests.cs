using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Email;

public sealed class EmailOptionsTests
{
    [Fact]
    public void A_malformed_sender_address_or_a_lease_shorter_than_a_batch_stops_startup_with_the_setting_named()
    {
        using var site = new SiteFactory()
            .With("Email:FromAddress", "bookings@example.com, someone@else.org")
            .With("Email:LeaseDuration", "00:00:10");

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("Email:FromAddress", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Email:LeaseDuration", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Empty_optional_addresses_fall_back_to_the_clinics_own()
    {
        using var site = new SiteFactory().With("Email:FromAddress", "").With("Email:ClinicNotificationAddress", " ");

        using var response = await site.CreatePageClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
