using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Staff;

[Area("Admin")]
[Route("admin")]
public sealed class DashboardController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View("Dashboard");
}
