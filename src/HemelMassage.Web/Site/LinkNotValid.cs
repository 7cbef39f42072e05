using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Site;

public static class LinkNotValid
{
    /// <summary>A key or token that never existed (or is long gone): a plain 404 page, nothing of anyone's booking shown.</summary>
    public static ViewResult NotValid(this Controller controller)
    {
        controller.Response.StatusCode = StatusCodes.Status404NotFound;
        return controller.View("LinkNotValid");
    }
}
