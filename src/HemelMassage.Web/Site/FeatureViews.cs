using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace HemelMassage.Web.Site;

/// <summary>
/// A feature's views live in its folder: a controller in namespace <c>HemelMassage.Web.Book</c> finds its views in
/// <c>/Book/Views/{view}.cshtml</c>, and then in <c>/Views/Shared</c>, which keeps only the layouts and the few
/// partials every feature shares. View names are unique within a feature, so one folder holds them all.
/// </summary>
public sealed class FeatureViews : IViewLocationExpander
{
    private const string Feature = "feature";
    private const string Root = "HemelMassage.Web.";

    public static void Configure(RazorViewEngineOptions razor)
    {
        razor.ViewLocationFormats.Clear();
        razor.ViewLocationFormats.Add("/Views/Shared/{0}.cshtml");
        razor.AreaViewLocationFormats.Clear();
        razor.AreaViewLocationFormats.Add("/Views/Shared/{0}.cshtml");
        razor.ViewLocationExpanders.Add(new FeatureViews());
    }

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action && Of(action.ControllerTypeInfo) is { } feature)
        {
            context.Values[Feature] = feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Feature, out var feature) && feature is not null
            ? viewLocations.Prepend($"/{feature}/Views/{{0}}.cshtml")
            : viewLocations;

    /// <summary>The feature folder of a controller: the first segment of its namespace under the site's.</summary>
    public static string? Of(Type controller) =>
        controller.Namespace is { } name && name.StartsWith(Root, StringComparison.Ordinal) ? name[Root.Length..].Split('.')[0] : null;
}
