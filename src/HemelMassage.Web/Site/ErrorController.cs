using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Site;

/// <summary>Shown instead of any failure: a 404 that helps the visitor on, or a calm error page.</summary>
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(ILogger<ErrorController> logger) : Controller
{
    [Route("/error")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error()
    {
        var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
        if (failure is null)
        {
            return Nothing();
        }
        logger.LogError(failure.Error, "Unhandled error on {Path}", failure.Path);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        return View("Error");
    }

    [Route("/error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // No action parameters: binding one would read the failed request's form again, and a form the
        // server refused (a NUL character, say) would turn a 400 into a 500.
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null)
        {
            return Nothing();
        }
        var code = int.TryParse(RouteData.Values["code"]?.ToString(), out var parsed) ? parsed : 500;
        Response.StatusCode = code is >= 400 and <= 599 ? code : StatusCodes.Status500InternalServerError;
        return code switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => View("NotFound"),
            StatusCodes.Status403Forbidden => View("Forbidden"),
            >= 400 and < 500 => View("BadRequest"),
            _ => View("Error"),
        };
    }

    // Asked for directly, not on behalf of a failed request: there is no page here, and nothing went wrong.
    private ViewResult Nothing()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("NotFound");
    }
}
