using System.Text;
using HemelMassage.Web.Clinic;

namespace HemelMassage.Web.Email;

/// <summary>The plain-text twin of <see cref="EmailHtmlRenderer"/>, for mail apps and readers that prefer it.</summary>
public sealed class EmailTextRenderer(ClinicOptions clinic)
{
    public string Render(EmailContent content)
    {
        var text = new StringBuilder();
        text.AppendLine(content.Heading).AppendLine();
        foreach (var paragraph in content.Paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }
        foreach (var detail in content.Details)
        {
            text.Append(detail.Label).Append(": ").AppendLine(detail.Value);
        }
        if (content.Details.Count > 0)
        {
            text.AppendLine();
        }
        foreach (var link in content.Links ?? [])
        {
            text.AppendLine(link.Text).AppendLine(link.Url).AppendLine();
        }
        if (content.ManageUrl is { } manage)
        {
            text.Append(content.ManageText).AppendLine(":").AppendLine(manage).AppendLine();
        }
        if (content.CalendarLinks is { } links)
        {
            text.AppendLine("Add it to Google Calendar:").AppendLine(links.Google)
                .AppendLine("Add it to Outlook:").AppendLine(links.Outlook).AppendLine();
        }
        if (content.ShowVisitInformation)
        {
            text.AppendLine("FINDING US");
            foreach (var line in ClinicAddress.Lines(clinic))
            {
                text.AppendLine(line);
            }
            if (!string.IsNullOrWhiteSpace(clinic.Directions))
            {
                text.AppendLine(clinic.Directions);
            }
            text.AppendLine();
            if (content.ChangeRule is { } rule)
            {
                text.AppendLine("CHANGING OR CANCELLING").AppendLine(rule).AppendLine();
            }
        }
        text.AppendLine("-- ").AppendLine(clinic.Name).AppendLine(clinic.Phone).AppendLine(clinic.BaseUri.AbsoluteUri);
        return text.ToString();
    }
}
