using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace HemelMassage.Web.Staff;

/// <summary>
/// Closes the admin area by default: every action in the Admin area, or routed under /admin, needs the
/// Staff policy unless it is marked [AllowAnonymous] or [SignedInStaff]. A new admin controller is closed
/// without anyone remembering to close it.
/// </summary>
public sealed class StaffAreaConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (!IsAdmin(action))
        {
            return;
        }
        var attributes = action.Attributes.Concat(action.Controller.Attributes).ToList();
        if (attributes.Any(a => a is IAllowAnonymous or SignedInStaffAttribute))
        {
            return;
        }
        foreach (var selector in action.Selectors)
        {
            selector.EndpointMetadata.Add(new AuthorizeAttribute(StaffPolicies.Staff));
        }
    }

    private static bool IsAdmin(ActionModel action)
    {
        if (action.Controller.RouteValues.TryGetValue("area", out var area) && string.Equals(area, "Admin", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var templates = action.Selectors.Concat(action.Controller.Selectors)
            .Select(s => s.AttributeRouteModel?.Template?.TrimStart('~', '/'));
        return templates.Any(t => t is not null && (t.Equals("admin", StringComparison.OrdinalIgnoreCase) || t.StartsWith("admin/", StringComparison.OrdinalIgnoreCase)));
    }
}
