using System.Text;
using System.Xml;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Articles;

/// <summary>sitemap.xml and robots.txt: every public page, with article dates as last-modified.</summary>
public static class Sitemap
{
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>The clinic's fixed pages; articles and tag pages are added from the catalogue.</summary>
    public static readonly IReadOnlyList<string> FixedPages = ["/", "/treatments", "/about", "/contact", "/privacy", "/book"];

    /// <param name="articles">Published articles only: a sitemap never names a draft, even on a test site.</param>
    public static byte[] Write(IReadOnlyList<Article> articles, ClinicOptions clinic)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Namespace);
            foreach (var page in FixedPages)
            {
                Url(xml, clinic.AbsoluteUrl(page), null);
            }
            Url(xml, clinic.AbsoluteUrl("/articles"), articles.Count > 0 ? articles.Max(a => a.LastModified) : null);
            foreach (var article in articles)
            {
                Url(xml, clinic.AbsoluteUrl("/articles/" + article.Slug), article.LastModified);
            }
            foreach (var tag in articles.SelectMany(a => a.Tags).Distinct().Order(StringComparer.Ordinal))
            {
                Url(xml, clinic.AbsoluteUrl("/articles/tags/" + tag), articles.Where(a => a.Tags.Contains(tag)).Max(a => a.LastModified));
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    public static string Robots(ClinicOptions clinic) => $"""
        User-agent: *
        Disallow: /admin
        Disallow: /booking/
        Disallow: /waitlist/
        Disallow: /calendar/

        Sitemap: {clinic.AbsoluteUrl("/sitemap.xml")}

        """;

    private static void Url(XmlWriter xml, string location, DateOnly? lastModified)
    {
        xml.WriteStartElement("url", Namespace);
        xml.WriteElementString("loc", Namespace, location);
        if (lastModified is { } date)
        {
            xml.WriteElementString("lastmod", Namespace, date.ToString("yyyy-MM-dd", null));
        }
        xml.WriteEndElement();
    }
}
