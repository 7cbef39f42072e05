using Microsoft.AspNetCore.Html;

namespace HemelMassage.Web.Clinic;

/// <summary>The clinic's postal address, the one way every page, email and calendar entry writes it.</summary>
public static class ClinicAddress
{
    public static string OneLine(ClinicOptions clinic) => string.Join(", ", Lines(clinic));

    public static IEnumerable<string> Lines(ClinicOptions clinic) =>
        new[] { clinic.Name, clinic.StreetAddress, clinic.Locality, clinic.Region, clinic.PostalCode }
            .Where(line => !string.IsNullOrWhiteSpace(line));

    /// <summary>A line each, for a page: encoded when the page is written.</summary>
    public static IHtmlContent Html(ClinicOptions clinic)
    {
        var html = new HtmlContentBuilder();
        foreach (var line in Lines(clinic))
        {
            if (html.Count > 0)
            {
                html.AppendHtml("<br>");
            }
            html.Append(line);
        }
        return html;
    }
}
