using System.Net;
using System.Text;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

/// <summary>
/// Renders an email as a small table layout with inline styles (mail apps drop stylesheets), in the
/// site's colours. Every value passes through <see cref="E"/>: nothing a client typed becomes markup.
/// </summary>
public sealed class EmailHtmlRenderer(ClinicOptions clinic)
{
    private const string Green = "#1d4a45";
    private const string Paper = "#fbf8f3";
    private const string Font = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

    public string Render(EmailContent content)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(content.Subject)).Append("</title></head>")
            .Append($"<body style=\"margin:0;padding:0;background:{Paper};{Font};color:#222;\">")
            .Append($"<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background:{Paper};\"><tr><td align=\"center\" style=\"padding:24px 12px;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;background:#ffffff;border:1px solid #e6e0d6;\">")
            .Append($"<tr><td style=\"background:{Green};color:#ffffff;padding:20px 24px;font-size:20px;font-weight:bold;\">").Append(E(clinic.Name)).Append("</td></tr>")
            .Append("<tr><td style=\"padding:24px;font-size:16px;line-height:1.5;\">")
            .Append($"<h1 style=\"margin:0 0 16px;font-size:22px;color:{Green};\">").Append(E(content.Heading)).Append("</h1>");
        foreach (var paragraph in content.Paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px;\">").Append(E(paragraph)).Append("</p>");
        }
        if (content.Details.Count > 0)
        {
            html.Append("<table role=\"presentation\" cellpadding=\"0\" cellspacing=\"0\" style=\"margin:0 0 20px;font-size:16px;\">");
            foreach (var detail in content.Details)
            {
                html.Append("<tr><td style=\"padding:4px 16px 4px 0;color:#555;vertical-align:top;\">").Append(E(detail.Label))
                    .Append("</td><td style=\"padding:4px 0;font-weight:bold;\">").Append(E(detail.Value)).Append("</td></tr>");
            }
            html.Append("</table>");
        }
        if (content.Links is { Count: > 0 } articleLinks)
        {
            html.Append("<ul style=\"margin:0 0 20px;padding-left:20px;\">");
            foreach (var link in articleLinks)
            {
                html.Append($"<li style=\"margin:0 0 8px;\"><a href=\"{E(link.Url)}\" style=\"color:{Green};\">").Append(E(link.Text)).Append("</a></li>");
            }
            html.Append("</ul>");
        }
        if (content.ManageUrl is { } manage)
        {
            html.Append("<p style=\"margin:0 0 20px;\">")
                .Append($"<a href=\"{E(manage)}\" style=\"display:inline-block;background:{Green};color:#ffffff;text-decoration:none;padding:12px 20px;border-radius:4px;font-weight:bold;\">").Append(E(content.ManageText)).Append("</a></p>");
        }
        if (content.CalendarLinks is { } links)
        {
            html.Append("<p style=\"margin:0 0 20px;font-size:14px;\">Add it to your calendar: ")
                .Append($"<a href=\"{E(links.Google)}\" style=\"color:{Green};\">Google Calendar</a> · ")
                .Append($"<a href=\"{E(links.Outlook)}\" style=\"color:{Green};\">Outlook</a></p>");
        }
        if (content.ShowVisitInformation)
        {
            AppendVisitInformation(html, content.ChangeRule);
        }
        html.Append("</td></tr>")
            .Append($"<tr><td style=\"background:{Paper};padding:16px 24px;font-size:13px;color:#555;border-top:1px solid #e6e0d6;\">")
            .Append(E(ClinicAddress.OneLine(clinic))).Append("<br>")
            .Append($"<a href=\"{E(clinic.PhoneHref)}\" style=\"color:{Green};\">").Append(E(clinic.Phone)).Append("</a> · ")
            .Append($"<a href=\"{E(clinic.BaseUri.AbsoluteUri)}\" style=\"color:{Green};\">").Append(E(clinic.BaseUri.Host)).Append("</a>")
            .Append("</td></tr></table></td></tr></table></body></html>");
        return html.ToString();
    }

    private void AppendVisitInformation(StringBuilder html, string? changeRule)
    {
        html.Append($"<h2 style=\"margin:8px 0 8px;font-size:17px;color:{Green};\">Finding us</h2>")
            .Append("<p style=\"margin:0 0 12px;\">").Append(string.Join("<br>", ClinicAddress.Lines(clinic).Select(E))).Append("</p>");
        if (!string.IsNullOrWhiteSpace(clinic.Directions))
        {
            html.Append("<p style=\"margin:0 0 12px;\">").Append(E(clinic.Directions)).Append("</p>");
        }
        if (changeRule is not null)
        {
            html.Append($"<h2 style=\"margin:8px 0 8px;font-size:17px;color:{Green};\">Changing or cancelling</h2>")
                .Append("<p style=\"margin:0 0 12px;\">").Append(E(changeRule)).Append("</p>");
        }
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
