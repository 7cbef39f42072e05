using HemelMassage.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Site;

public sealed class StartupTests
{
    [Fact]
    public void In_production_the_site_refuses_to_start_without_the_clinics_details()
    {
        using var site = new SiteFactory { Environment = "Production" };

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains("BaseUrl", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Phone", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Oracle", "Database:Provider")]
    [InlineData("Postgres", "Database:ConnectionString")]
    public void A_database_engine_the_site_does_not_support_or_cannot_reach_stops_startup_instead_of_falling_back_to_sqlite(string provider, string named)
    {
        using var site = new SiteFactory().With("Database:Provider", provider);

        var failure = Assert.ThrowsAny<OptionsValidationException>(() => site.CreateClient());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(site.DatabaseFile), "no SQLite database is made for a site told to use another engine");
    }
}
