using Microsoft.AspNetCore.Mvc.Filters;

namespace HemelMassage.Web.Site;

/// <summary>
/// Pages that show personal details or carry a secret in their address: never stored by a browser or
/// proxy, and never leaked to another site through the Referer header.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class PrivatePageAttribute : ResultFilterAttribute
{
    /// <summary>
    /// What a private page's Cache-Control says. It is also exactly what antiforgery writes on every page with a form,
    /// which otherwise logs a warning on each such response that it overrode the header.
    /// </summary>
    public const string NeverStored = "no-cache, no-store";

    public override void OnResultExecuting(ResultExecutingContext context)
    {
        var headers = context.HttpContext.Response.Headers;
        headers.CacheControl = NeverStored;
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Robots-Tag"] = "noindex";
        base.OnResultExecuting(context);
    }
}
