using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Site;

public sealed class CompressionTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task A_cached_page_is_compressed_for_browsers_that_accept_it_and_plain_for_those_that_do_not()
    {
        var client = site.CreatePageClient();

        for (var i = 0; i < 2; i++) // the second round is served from the output cache
        {
            using var brotli = new HttpRequestMessage(HttpMethod.Get, "/treatments");
            brotli.Headers.Add("Accept-Encoding", "br");
            var compressed = await client.SendAsync(brotli);
            Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));

            var plain = await client.GetAsync("/treatments");
            Assert.Empty(plain.Content.Headers.ContentEncoding);
            Assert.Contains("Sports and remedial massage", await plain.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
