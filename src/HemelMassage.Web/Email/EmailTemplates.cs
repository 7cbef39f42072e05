using HemelMassage.Web.Email.Templates;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace HemelMassage.Web.Email;

/// <summary>
/// Writes an email's HTML and plain text from its Razor template (<c>Email/Templates</c>), compiled with
/// the site, through ASP.NET Core's <see cref="HtmlRenderer"/>: the template is rendered once per
/// <see cref="EmailFormat"/>, and the renderer HTML-encodes every value it is given.
/// </summary>
public sealed class EmailTemplates(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    public (string Html, string Text) Render<TTemplate, TModel>(string subject, TModel model) where TTemplate : EmailTemplate<TModel>
    {
        // A renderer keeps every component it has rendered until it is disposed, so each email has its own,
        // in a scope of its own: the renderer asks for scoped services of the components framework.
        using var scope = scopes.CreateScope();
        using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        // Its dispatcher is idle, so InvokeAsync runs the work here and now and returns a finished task: the
        // booking's transaction, which writes the outbox row, stays synchronous and nothing waits.
        var rendering = renderer.Dispatcher.InvokeAsync(() =>
            (TemplateOutput.Html(Write<TTemplate, TModel>(renderer, EmailFormat.Html, subject, model)),
             TemplateOutput.Text(Write<TTemplate, TModel>(renderer, EmailFormat.Text, subject, model))));
        return rendering.IsCompleted
            ? rendering.GetAwaiter().GetResult()
            : throw new InvalidOperationException("Email templates render synchronously; this one was queued behind other work.");
    }

    private static string Write<TTemplate, TModel>(HtmlRenderer renderer, EmailFormat format, string subject, TModel model)
        where TTemplate : EmailTemplate<TModel>
    {
        var root = renderer.BeginRenderingComponent<CascadingValue<EmailFormat>>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(CascadingValue<EmailFormat>.Value)] = format,
            [nameof(CascadingValue<EmailFormat>.IsFixed)] = true,
            [nameof(CascadingValue<EmailFormat>.ChildContent)] = (RenderFragment)(builder =>
            {
                builder.OpenComponent<TTemplate>(0);
                builder.AddComponentParameter(1, nameof(EmailTemplate<TModel>.Subject), subject);
                builder.AddComponentParameter(2, nameof(EmailTemplate<TModel>.Model), model);
                builder.CloseComponent();
            }),
        }));
        // An email is written inside the booking's transaction: a template may not wait for anything.
        return root.QuiescenceTask.IsCompleted
            ? root.ToHtmlString()
            : throw new InvalidOperationException($"{typeof(TTemplate).Name} did not finish rendering at once; email templates may not do async work.");
    }
}
