using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace HemelMassage.Web.Site;

/// <summary>
/// Cross-site request protection, in place of the antiforgery token, for a form whose page is output-cached and
/// so carries no per-visitor token. The form acts on nobody's behalf (no cookie or sign-in is read), but a post that a
/// browser says came from another site is still refused with 400: <c>Sec-Fetch-Site</c> must be
/// <c>same-origin</c> (or <c>none</c>, a post the person started themselves), and where a browser sends only
/// <c>Origin</c> its host must be this site's. A client that sends neither (an older browser) is let through,
/// as the form's own checks still apply.
/// </summary>
/// <remarks>
/// It is the action's antiforgery policy (<see cref="IAntiforgeryPolicy"/>), so it replaces the global token check
/// by itself: one attribute, never a token check switched off on its own. MVC applies the closest policy of the
/// highest order, and the global check's order is 1000.
/// </remarks>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SameOriginPostAttribute : Attribute, IAuthorizationFilter, IAntiforgeryPolicy, IOrderedFilter
{
    public int Order => 1000;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (!IsSameOrigin(context.HttpContext.Request))
        {
            context.Result = new BadRequestResult();
        }
    }

    public static bool IsSameOrigin(HttpRequest request)
    {
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is "same-origin" or "none";
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return true;
        }
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
