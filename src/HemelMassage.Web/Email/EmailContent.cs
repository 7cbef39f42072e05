namespace HemelMassage.Web.Email;

/// <summary>
/// What one email says, before it is rendered twice: as HTML and as plain text.
/// Every value is plain text here; the HTML renderer encodes it.
/// </summary>
public sealed record EmailContent(
    string Subject,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<EmailDetail> Details,
    string? ManageUrl = null,
    CalendarLinks? CalendarLinks = null,
    bool ShowVisitInformation = true,
    IReadOnlyList<EmailLink>? Links = null,
    string? ChangeRule = null,
    string ManageText = "View, move or cancel your booking");

/// <summary>A link to a page of the site, e.g. an article, with its title as the text.</summary>
public sealed record EmailLink(string Text, string Url);

public sealed record EmailDetail(string Label, string Value);

public sealed record CalendarLinks(string Google, string Outlook);

/// <summary>A composed email, ready to become an outbox row.</summary>
public sealed record ComposedEmail(
    EmailKind Kind,
    string ToAddress,
    string ToName,
    string Subject,
    string TextBody,
    string HtmlBody,
    string? Ics);
