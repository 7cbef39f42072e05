using System.Text;
using System.Xml;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Articles;

/// <summary>The articles as an Atom feed (RFC 4287), every address absolute from the configured site address.</summary>
public static class AtomFeed
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public static byte[] Write(IReadOnlyList<Article> articles, ClinicOptions clinic, DateTimeOffset now)
    {
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteElementString("id", Atom, clinic.AbsoluteUrl("/articles"));
            xml.WriteElementString("title", Atom, $"{clinic.Name}: articles");
            xml.WriteElementString("subtitle", Atom, "Aches, pains and the whole-body idea, from the therapists at " + clinic.Name);
            xml.WriteElementString("updated", Atom, articles.Count > 0 ? Timestamp(articles.Max(a => a.LastModified)) : now.ToString("yyyy-MM-ddTHH:mm:ssZ", null));
            Link(xml, "self", clinic.AbsoluteUrl("/feed.xml"), "application/atom+xml");
            Link(xml, "alternate", clinic.AbsoluteUrl("/articles"), "text/html");
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, clinic.Name);
            xml.WriteElementString("uri", Atom, clinic.BaseUri.ToString());
            xml.WriteEndElement();
            foreach (var article in articles)
            {
                Entry(xml, article, clinic);
            }
            xml.WriteEndElement();
        }
        return stream.ToArray();
    }

    private static void Entry(XmlWriter xml, Article article, ClinicOptions clinic)
    {
        var url = clinic.AbsoluteUrl("/articles/" + article.Slug);
        xml.WriteStartElement("entry", Atom);
        xml.WriteElementString("id", Atom, url);
        xml.WriteElementString("title", Atom, article.Title);
        Link(xml, "alternate", url, "text/html");
        xml.WriteElementString("published", Atom, Timestamp(article.Published));
        xml.WriteElementString("updated", Atom, Timestamp(article.LastModified));
        foreach (var tag in article.Tags)
        {
            xml.WriteStartElement("category", Atom);
            xml.WriteAttributeString("term", tag);
            xml.WriteEndElement();
        }
        xml.WriteElementString("summary", Atom, article.Summary);
        xml.WriteStartElement("content", Atom);
        xml.WriteAttributeString("type", "html");
        // The article's own links are relative (/book, /treatments): xml:base lets feed readers resolve them.
        xml.WriteAttributeString("xml", "base", null, clinic.BaseUri.ToString());
        xml.WriteString(article.Html);
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => date.ToString("yyyy-MM-dd", null) + "T00:00:00Z";
}
