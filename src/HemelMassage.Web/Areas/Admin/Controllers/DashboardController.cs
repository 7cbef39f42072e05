using Microsoft.AspNetCore.Mvc;

namespace HemelMassage.Web.Areas.Admin.Controllers;

[Area("Admin")]
[Route("admin")]
public sealed class DashboardController : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View();
}
