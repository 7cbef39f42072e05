using HemelMassage.Web.Data;
using HemelMassage.Web.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace HemelMassage.Web.Tests.Site;

/// <summary>An edit evicts the cached pages of one instance only, so instances sharing a database keep them briefly.</summary>
public sealed class ContentCacheExpiryTests
{
    [Theory]
    [InlineData("Sqlite", null, 12 * 60)]
    [InlineData("Postgres", null, 1)]
    [InlineData("Postgres", "00:00:10", 0)]
    public void Cached_content_pages_expire_after_a_minute_when_the_database_is_shared(string provider, string? configured, int minutes)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["Site:ContentCacheExpiry"] = configured,
        }).Build();

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { EnvironmentName = Environments.Production });
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section);
        SiteOptions.AddTo(services);
        var options = services.BuildServiceProvider().GetRequiredService<IOptions<SiteOptions>>().Value;

        Assert.Equal(configured is null ? TimeSpan.FromMinutes(minutes) : TimeSpan.Parse(configured, System.Globalization.CultureInfo.InvariantCulture), options.ContentCacheExpiry);
    }
}
