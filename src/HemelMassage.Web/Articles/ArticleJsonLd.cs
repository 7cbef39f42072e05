using System.Globalization;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Articles;

/// <summary>Schema.org <c>Article</c> written by the clinic, with the clinic itself in the same graph.</summary>
public static class ArticleJsonLd
{
    public static string For(Article article, ClinicOptions clinic)
    {
        var url = clinic.AbsoluteUrl("/articles/" + article.Slug);
        var business = ClinicJsonLd.BusinessNode(clinic);
        var clinicRef = new Dictionary<string, object>
        {
            ["@type"] = business["@type"],
            ["@id"] = business["@id"],
            ["name"] = clinic.Name,
            ["url"] = clinic.BaseUri.ToString(),
        };
        var node = new Dictionary<string, object>
        {
            ["@type"] = "Article",
            ["@id"] = url + "#article",
            ["headline"] = article.Title,
            ["description"] = article.Summary,
            ["datePublished"] = article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["dateModified"] = article.LastModified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["inLanguage"] = "en-GB",
            ["author"] = clinicRef,
            ["publisher"] = clinicRef,
            ["mainEntityOfPage"] = new Dictionary<string, object> { ["@type"] = "WebPage", ["@id"] = url },
            ["keywords"] = article.Tags,
        };
        if (article.Image is not null)
        {
            node["image"] = Absolute(article.Image, clinic);
        }
        return ClinicJsonLd.Serialize(new Dictionary<string, object>
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new object[] { node, business },
        });
    }

    public static string Absolute(string pathOrUrl, ClinicOptions clinic) =>
        pathOrUrl.StartsWith('/') ? clinic.AbsoluteUrl(pathOrUrl) : pathOrUrl;
}
