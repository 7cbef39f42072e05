using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Booking;

public sealed class BookStartIndexingTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task The_book_page_may_be_indexed_but_the_steps_after_it_may_not()
    {
        var client = site.CreatePageClient();

        var start = await client.GetAsync("/book");
        var times = await client.GetAsync("/book/times?treatment=deep-tissue&therapist=any");

        Assert.False(start.Headers.Contains("X-Robots-Tag"));
        Assert.Equal("noindex", Assert.Single(times.Headers.GetValues("X-Robots-Tag")));
        Assert.True(times.Headers.CacheControl!.NoStore);
    }
}
