namespace HemelMassage.Web.Email;

/// <summary>A link to a page of the site, e.g. an article, with its title as the text.</summary>
public sealed record EmailLink(string Text, string Url);

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
