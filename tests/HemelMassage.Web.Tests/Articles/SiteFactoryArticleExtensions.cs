using HemelMassage.Web.Tests.Support;

namespace HemelMassage.Web.Tests.Articles;

public static class SiteFactoryArticleExtensions
{
    public static SiteFactory WithArticles(this SiteFactory site, ArticleFolder folder) => site.With("Articles:Path", folder.Path);

    /// <summary>Production refuses to start without the clinic's details; these are the test clinic's.</summary>
    public static SiteFactory InProduction(this SiteFactory site)
    {
        site.Environment = "Production";
        return site
            .With("Clinic:BaseUrl", "https://www.hemelmassage.example")
            .With("Clinic:StreetAddress", "1 Test Street")
            .With("Clinic:PostalCode", "HP1 1AA")
            .With("Clinic:Phone", "01442 000000")
            .With("Clinic:Email", "hello@hemelmassage.example");
    }
}
