using Microsoft.AspNetCore.Components;

namespace HemelMassage.Web.Email.Templates;

/// <summary>Which part of an email a template is writing: each template is rendered once for each.</summary>
public enum EmailFormat
{
    Html,
    Text,
}

/// <summary>
/// A building block of an email (a paragraph, the details table, the manage button): it writes itself as
/// HTML, or in <see cref="EmailFormat.Text"/> as plain words with <c>&lt;br&gt;</c> at each line end
/// (<see cref="TemplateOutput"/> turns that into the text part).
/// </summary>
public abstract class EmailBlock : ComponentBase
{
    [CascadingParameter] public EmailFormat Format { get; set; }

    protected bool Text => Format == EmailFormat.Text;
}

/// <summary>One kind of email. <see cref="Model"/> holds every value it shows, each already one line of plain text.</summary>
public abstract class EmailTemplate<TModel> : ComponentBase
{
    [Parameter, EditorRequired] public string Subject { get; set; } = "";

    [Parameter, EditorRequired] public TModel Model { get; set; } = default!;
}
