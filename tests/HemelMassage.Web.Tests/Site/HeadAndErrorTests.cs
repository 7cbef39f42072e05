using System.Net;
using HemelMassage.Web.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HemelMassage.Web.Tests.Site;

public sealed class HeadAndErrorTests
{
    [Fact]
    public void Every_endpoint_that_answers_get_answers_head_too()
    {
        using var site = new SiteFactory();
        _ = site.CreateClient();

        var get = site.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText, Methods: e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods))
            .Where(e => e.Methods?.Contains("GET") == true).ToList();

        Assert.True(get.Count >= 20, $"Only {get.Count} GET endpoints found");
        Assert.All(get, e => Assert.True(e.Methods!.Contains("HEAD"), $"{e.Pattern} answers GET but not HEAD"));
    }

    [Fact]
    public async Task A_head_request_gets_what_a_get_gets_without_the_body()
    {
        using var site = new SiteFactory();
        var address = site.StartOnLoopback();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };

        foreach (var path in new[] { "/", "/articles/why-no-stand-alone-back-massage", "/book", "/feed.xml", "/admin", "/admin/account/sign-in", "/no-such-page" })
        {
            var get = await client.GetAsync(path);
            var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

            Assert.True(get.StatusCode == head.StatusCode, $"HEAD {path}: {head.StatusCode}, GET: {get.StatusCode}");
            Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
            Assert.Equal(get.Headers.Location, head.Headers.Location);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        }
    }

    [Theory]
    [InlineData("/error")]
    [InlineData("/error/500")]
    [InlineData("/error/200")]
    public async Task The_error_pages_asked_for_directly_are_not_found_rather_than_an_error(string path)
    {
        using var site = new SiteFactory();

        var response = await site.CreatePageClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
